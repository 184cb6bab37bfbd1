import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReadingOutcome, measurementBatchRecordedEventSchema } from '@metrochain/contracts';
import { synthesizeLoopSignals } from '@metrochain/sensor-signals';
import {
  HOUR,
  T0,
  activeMeter,
  attestBy,
  contract as registry,
  isoAt,
  newMeterKeys,
  rotateRequest,
  txAs,
} from '../registry/testing/registry-fixtures';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import {
  MEASURED_FROM,
  energyReading,
  readMeasurement,
  readProgress,
  recordAs,
  signReading,
} from './testing/measurement-fixtures';

const keys = newMeterKeys();

function statusesOf(outcomes: readonly ReadingOutcome[]): string[] {
  return outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : outcome.status));
}

async function assertNotRecorded(state: Map<string, Uint8Array>, seqs: readonly number[]): Promise<void> {
  for (const seq of seqs) {
    await assert.rejects(
      readMeasurement(state, 'meter-1', seq),
      chaincodeErrorWithCode('MEASUREMENT_NOT_FOUND'),
    );
  }
}

describe('recordBatch, reading by reading', () => {
  it('rejects another reading reusing a recorded seq (SEQ_REPLAYED) and a seq below the last (SEQ_OUT_OF_ORDER)', async () => {
    const state = await activeMeter('meter-1', keys);
    await recordAs(state, [energyReading('meter-1', keys, 1), energyReading('meter-1', keys, 5)]);
    const replay = energyReading('meter-1', keys, 5, { measuredAt: isoAt(MEASURED_FROM + 99) });
    const result = await recordAs(state, [
      replay,
      energyReading('meter-1', keys, 3),
      energyReading('meter-1', keys, 6),
      energyReading('meter-1', keys, 6, { measuredAt: isoAt(MEASURED_FROM + 98) }),
      energyReading('meter-1', keys, 6),
    ]);
    assert.deepEqual(statusesOf(result.outcomes), [
      'SEQ_REPLAYED',
      'SEQ_OUT_OF_ORDER',
      'recorded',
      'SEQ_REPLAYED',
      'duplicate',
    ]);
    assert.deepEqual(result.outcomes[1], {
      status: 'rejected',
      meterId: 'meter-1',
      seq: 3,
      reason: 'SEQ_OUT_OF_ORDER',
      detail: 'seq 5 is recorded already',
    });
    assert.equal((await readMeasurement(state, 'meter-1', 5)).measuredAt, isoAt(MEASURED_FROM + 5));
    assert.equal((await readMeasurement(state, 'meter-1', 6)).measuredAt, isoAt(MEASURED_FROM + 6));
    await assertNotRecorded(state, [3]);
    assert.deepEqual(JSON.parse(result.events[0] ?? '{}'), {
      batchId: 'batch-1',
      recorded: [{ meterId: 'meter-1', seq: 6 }],
      duplicates: 1,
      rejected: 3,
    });
  });

  it('rejects each bad reading with its reason, writes nothing for it and records its neighbours', async () => {
    const state = await activeMeter('meter-1', keys);
    await attestBy(state, 'meter-pending', keys, ['PTBMSP']);
    const other = newMeterKeys();
    const readings = [
      energyReading('meter-1', keys, 1),
      energyReading('meter-unknown', keys, 1),
      energyReading('meter-pending', keys, 1),
      { ...energyReading('meter-1', keys, 2), signature: energyReading('meter-1', other, 2).signature },
      { ...energyReading('meter-1', keys, 3), signature: 'AAAA' },
      energyReading('meter-1', keys, 4, { measuredAt: isoAt(T0 + 4 * HOUR) }),
      energyReading('meter-1', keys, 5, {
        payload: { sampleRateHz: 1000, voltageV: [5000, 1], currentA: [1, 1] },
      }),
      energyReading('meter-1', keys, 6, { kind: 'energy-fe', payload: { ciphertext: 'AAAA' } }),
      energyReading('meter-1', keys, 7, { payload: { wh: 12 } }),
      energyReading('meter-1', keys, 8),
    ];
    const result = await recordAs(state, readings);
    assert.deepEqual(statusesOf(result.outcomes), [
      'recorded',
      'METER_UNKNOWN',
      'METER_NOT_ACTIVE',
      'SIGNATURE_INVALID',
      'SIGNATURE_MALFORMED',
      'TIMESTAMP_IN_FUTURE',
      'SENSOR_DATA_IMPLAUSIBLE',
      'PAYLOAD_INVALID',
      'PAYLOAD_INVALID',
      'recorded',
    ]);
    const lrCodes = result.outcomes.map((outcome) =>
      outcome.status === 'rejected' ? outcome.lrCode : undefined,
    );
    assert.deepEqual(lrCodes.slice(6, 9), ['SAMPLE_OUT_OF_RANGE', 'PAYLOAD_INVALID', 'PAYLOAD_INVALID']);
    assert.deepEqual(
      lrCodes.slice(0, 6),
      Array.from({ length: 6 }, () => undefined),
    );
    await assertNotRecorded(state, [2, 3, 4, 5, 6, 7]);
    const progress = await readProgress(state, 'meter-1');
    assert.deepEqual([progress.recorded, progress.lastSeq], [2, 8]);
    assert.equal(measurementBatchRecordedEventSchema.parse(JSON.parse(result.events[0] ?? '{}')).rejected, 8);
  });

  it('refuses speed data the LR software finds implausible, with its code', async () => {
    const state = await activeMeter('meter-1', keys);
    const signals = synthesizeLoopSignals({ speedKmh: 60, noiseFraction: 0 });
    const reversed = signReading(keys, {
      meterId: 'meter-1',
      seq: 1,
      measuredAt: isoAt(MEASURED_FROM + 1),
      kind: 'speed',
      payload: { ...signals, loopA: signals.loopB, loopB: signals.loopA },
    });
    const [outcome] = (await recordAs(state, [reversed])).outcomes;
    assert.ok(outcome?.status === 'rejected');
    assert.deepEqual([outcome.reason, outcome.lrCode], ['SENSOR_DATA_IMPLAUSIBLE', 'LOOP_ORDER_REVERSED']);
  });

  it('reports a revoked meter from the revocation on and still records data measured before it', async () => {
    const state = await activeMeter('meter-1', keys);
    const { ctx } = txAs('registrar', 'PTBMSP', { state, txId: 'tx-revoke', seconds: MEASURED_FROM + 10 });
    await registry.revoke(ctx, JSON.stringify({ meterId: 'meter-1', reason: 'seal broken' }));
    const result = await recordAs(state, [
      energyReading('meter-1', keys, 5),
      energyReading('meter-1', keys, 11),
    ]);
    assert.deepEqual(statusesOf(result.outcomes), ['recorded', 'METER_REVOKED']);
  });

  it('checks each reading with the key the meter held when it was measured', async () => {
    const state = await activeMeter('meter-1', keys);
    const newKeys = newMeterKeys();
    const { ctx } = txAs('registrar', 'PTBMSP', { state, txId: 'tx-rotate', seconds: MEASURED_FROM + 10 });
    await registry.rotateKey(ctx, JSON.stringify(rotateRequest('meter-1', keys, newKeys)));
    const result = await recordAs(state, [
      energyReading('meter-1', keys, 5),
      energyReading('meter-1', keys, 11),
      energyReading('meter-1', newKeys, 12),
    ]);
    assert.deepEqual(statusesOf(result.outcomes), ['recorded', 'SIGNATURE_INVALID', 'recorded']);
    const fingerprints = [5, 12].map(
      async (seq) => (await readMeasurement(state, 'meter-1', seq)).keyFingerprint,
    );
    assert.deepEqual(await Promise.all(fingerprints), [keys.fingerprint, newKeys.fingerprint]);
  });
});
