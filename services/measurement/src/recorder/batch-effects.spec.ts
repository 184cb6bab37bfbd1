import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { validateEvent } from '@metrochain/contracts';
import { FakeLedger } from '../testing/fake-ledger';
import { verifiedOf } from '../testing/verified-fixtures';
import { effectsOf, outcomesMatch } from './batch-effects';

const CONTEXT = { rejectedBy: 'PTBMSP', at: '2025-03-01T12:00:03.000Z' };

describe('effectsOf', () => {
  let ledger: FakeLedger;
  beforeEach(() => {
    ledger = new FakeLedger();
    ledger.reject = (reading) =>
      reading.seq === 3
        ? { reason: 'SENSOR_DATA_IMPLAUSIBLE', lrCode: 'LOOP_ORDER', detail: 'B before A' }
        : undefined;
  });

  it('announces recorded readings with the commit’s transaction and block, and marks them recorded', async () => {
    const readings = [verifiedOf(1), verifiedOf(2)];
    const committed = await ledger.recordBatch({ batchId: 'b1', readings: readings.map((r) => r.reading) });
    const effects = effectsOf(readings, committed, CONTEXT);
    assert.equal(effects.recorded.length, 2);
    assert.equal(effects.newlyRecorded.length, 2);
    for (const entry of effects.recorded) {
      validateEvent('measurements.recorded.v1', entry.value);
      assert.equal(entry.value.txId, committed.transactionId);
      assert.equal(entry.value.blockNumber, Number(committed.blockNumber));
      assert.equal(entry.value.readingDigest, readings[entry.value.seq - 1]?.readingDigest);
      assert.deepEqual(entry.metadata, { trace: readings[0]?.trace });
    }
    assert.deepEqual(
      effects.statusChanges.map(({ readingId, update }) => [readingId, update.status]),
      readings.map(({ readingId }) => [readingId, 'recorded']),
    );
  });

  it('announces a duplicate again with the stored record’s transaction, not counting it as new', async () => {
    const first = await ledger.recordBatch({ batchId: 'b1', readings: [verifiedOf(1).reading] });
    const readings = [verifiedOf(1)];
    const again = await ledger.recordBatch({ batchId: 'b2', readings: readings.map((r) => r.reading) });
    const effects = effectsOf(readings, again, CONTEXT);
    const [announced] = effects.recorded;
    assert.ok(announced);
    assert.equal(announced.value.txId, first.transactionId);
    assert.equal(announced.value.blockNumber, Number(again.blockNumber));
    assert.deepEqual(effects.newlyRecorded, []);
    assert.equal(effects.statusChanges[0]?.update.status, 'recorded');
  });

  it('turns a refusal into readings.rejected.v1 at stage ledger with reason, LR code and rejecter', async () => {
    const readings = [verifiedOf(3)];
    const committed = await ledger.recordBatch({ batchId: 'b1', readings: readings.map((r) => r.reading) });
    const effects = effectsOf(readings, committed, CONTEXT);
    assert.equal(effects.recorded.length, 0);
    const [rejected] = effects.rejected;
    assert.deepEqual(validateEvent('readings.rejected.v1', rejected?.value), {
      reading: readings[0]?.reading,
      reason: 'SENSOR_DATA_IMPLAUSIBLE',
      detail: 'B before A',
      stage: 'ledger',
      lrCode: 'LOOP_ORDER',
      rejectedBy: 'PTBMSP',
      rejectedAt: CONTEXT.at,
    });
    assert.deepEqual(effects.statusChanges[0]?.update, {
      status: 'rejected',
      updatedAt: CONTEXT.at,
      reason: 'SENSOR_DATA_IMPLAUSIBLE',
      stage: 'ledger',
      lrCode: 'LOOP_ORDER',
      detail: 'B before A',
    });
  });
});

describe('outcomesMatch', () => {
  it('holds only for one outcome per reading, in order', async () => {
    const ledger = new FakeLedger();
    const readings = [verifiedOf(1), verifiedOf(2)];
    const committed = await ledger.recordBatch({ batchId: 'b1', readings: readings.map((r) => r.reading) });
    assert.equal(outcomesMatch(readings, committed), true);
    assert.equal(outcomesMatch([...readings].reverse(), committed), false);
    assert.equal(outcomesMatch(readings.slice(0, 1), committed), false);
  });
});
