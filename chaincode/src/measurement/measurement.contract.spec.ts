import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReadingOutcome, MeasurementEvents } from '@metrochain/contracts';
import { CHAINCODE_FINGERPRINT } from '../identity/running-chaincode';
import { HOUR, T0, activeMeter, isoAt, newMeterKeys, txAs } from '../registry/testing/registry-fixtures';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { progressKey, recordKey } from './measurement-state';
import {
  approveRunningSoftware,
  energyReading,
  measurement,
  readMeasurement,
  readProgress,
  recordAs,
  speedReading,
} from './testing/measurement-fixtures';

const keys = newMeterKeys();

function statusesOf(outcomes: readonly ReadingOutcome[]): string[] {
  return outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : outcome.status));
}

function energyOf(outcome: ReadingOutcome | undefined): { energyWh: number; meterTotalWh: number } {
  assert.ok(outcome?.status === 'recorded' && outcome.measurement.result.kind === 'energy');
  return outcome.measurement.result;
}

describe('MeasurementContract.recordBatch', () => {
  it('records speed and energy readings with the LR result, keyed by meter and seq, and one event', async () => {
    const state = await activeMeter('meter-1', keys);
    const result = await recordAs(state, [
      speedReading('meter-1', keys, 1, 87.5),
      energyReading('meter-1', keys, 2),
    ]);
    assert.deepEqual(statusesOf(result.outcomes), ['recorded', 'recorded']);
    const speed = await readMeasurement(state, 'meter-1', 1);
    assert.deepEqual(result.outcomes[0], { status: 'recorded', measurement: speed });
    assert.ok(speed.result.kind === 'speed' && Math.abs(speed.result.speedKmh - 87.5) < 0.1);
    assert.equal(speed.result.plateImageSha256, 'ab'.repeat(32));
    assert.equal(speed.lrFingerprint, CHAINCODE_FINGERPRINT);
    assert.equal(speed.recordedBy, 'PTBMSP');
    assert.equal(speed.txId, 'tx-record');
    assert.equal(speed.recordedAt, isoAt(T0 + 3 * HOUR));
    assert.equal(speed.keyFingerprint, keys.fingerprint);
    assert.equal(result.events.length, 1);
    assert.deepEqual(JSON.parse(result.events[0] ?? '{}'), {
      batchId: 'batch-1',
      recorded: [
        { meterId: 'meter-1', seq: 1 },
        { meterId: 'meter-1', seq: 2 },
      ],
      duplicates: 0,
      rejected: 0,
    });
    const progress = await readProgress(state, 'meter-1');
    assert.deepEqual(
      [progress.lastSeq, progress.recorded, progress.lastMeasuredAt],
      [2, 2, (await readMeasurement(state, 'meter-1', 2)).measuredAt],
    );
  });

  it('answers a reading delivered again with duplicate and the earlier record, in a later batch or the same', async () => {
    const state = await activeMeter('meter-1', keys);
    const reading = energyReading('meter-1', keys, 1);
    await recordAs(state, [reading], { txId: 'tx-first' });
    const again = await recordAs(state, [reading, reading], { txId: 'tx-again' });
    assert.deepEqual(statusesOf(again.outcomes), ['duplicate', 'duplicate']);
    const [first] = again.outcomes;
    assert.ok(first?.status === 'duplicate' && first.measurement.txId === 'tx-first');
    assert.deepEqual(JSON.parse(again.events[0] ?? '{}'), {
      batchId: 'batch-1',
      recorded: [],
      duplicates: 2,
      rejected: 0,
    });
    const inOne = await recordAs(await activeMeter('meter-2', keys), [
      energyReading('meter-2', keys, 1),
      energyReading('meter-2', keys, 1),
    ]);
    assert.deepEqual(statusesOf(inOne.outcomes), ['recorded', 'duplicate']);
    assert.deepEqual(inOne.outcomes[1], { ...inOne.outcomes[0], status: 'duplicate' });
    assert.equal((await readProgress(state, 'meter-1')).recorded, 1);
  });

  it('accumulates a meter’s energy within a batch and across batches', async () => {
    const state = await activeMeter('meter-1', keys);
    const first = await recordAs(
      state,
      [
        energyReading('meter-1', keys, 1),
        speedReading('meter-1', keys, 2, 50),
        energyReading('meter-1', keys, 3),
      ],
      { txId: 'tx-a' },
    );
    const second = await recordAs(state, [energyReading('meter-1', keys, 4)], { txId: 'tx-b' });
    const one = energyOf(first.outcomes[0]);
    assert.equal(one.meterTotalWh, one.energyWh);
    assert.ok(Math.abs(energyOf(first.outcomes[2]).meterTotalWh - 2 * one.energyWh) < 1e-12);
    const total = energyOf(second.outcomes[0]).meterTotalWh;
    assert.ok(Math.abs(total - 3 * one.energyWh) < 1e-12);
    const progress = await readProgress(state, 'meter-1');
    assert.deepEqual([progress.totalEnergyWh, progress.lastSeq, progress.recorded], [total, 4, 4]);
  });

  it('reads the batch’s meters and progress in one peer message and writes everything in another', async () => {
    const state = await activeMeter('meter-1', keys);
    approveRunningSoftware(state);
    const { ctx, stub } = txAs('measurement', 'PTBMSP', { state, seconds: T0 + 3 * HOUR });
    stub.getState = (key: string): Promise<Uint8Array> =>
      Promise.reject(new Error(`getState(${key}) one by one`));
    const readings = [1, 2, 3].map((seq) => energyReading('meter-1', keys, seq));
    await measurement.recordBatch(ctx, JSON.stringify({ batchId: 'b', readings }));
    // New seqs above the meter's progress cannot be recorded yet: their records are not read.
    assert.deepEqual(stub.handler.messages, ['GetStateMultiple', 'WriteBatchState']);
    assert.deepEqual(stub.writtenKeys, [
      ...[1, 2, 3].map((seq) => recordKey(ctx, 'meter-1', seq)),
      progressKey(ctx, 'meter-1'),
    ]);
  });

  it('reads the records a redelivered batch may repeat in one more message and writes nothing', async () => {
    const state = await activeMeter('meter-1', keys);
    approveRunningSoftware(state);
    const readings = [1, 2, 3].map((seq) => energyReading('meter-1', keys, seq));
    const request = JSON.stringify({ batchId: 'b', readings });
    await measurement.recordBatch(
      txAs('measurement', 'PTBMSP', { state, seconds: T0 + 3 * HOUR }).ctx,
      request,
    );
    const { ctx, stub } = txAs('measurement', 'PTBMSP', { state, seconds: T0 + 3 * HOUR });
    const result = JSON.parse(await measurement.recordBatch(ctx, request)) as {
      outcomes: { status: string }[];
    };
    assert.deepEqual(
      result.outcomes.map((outcome) => outcome.status),
      ['duplicate', 'duplicate', 'duplicate'],
    );
    assert.deepEqual(
      [stub.handler.messages, stub.writtenKeys],
      [['GetStateMultiple', 'GetStateMultiple'], []],
    );
  });

  it('gives two endorsers of the same proposal byte-identical results, events and writes', async () => {
    const state = await activeMeter('meter-1', keys);
    approveRunningSoftware(state);
    const copy = new Map(state);
    const request = JSON.stringify({
      batchId: 'b',
      readings: [speedReading('meter-1', keys, 1, 120), energyReading('meter-1', keys, 2)],
    });
    const endorse = async (
      ledger: Map<string, Uint8Array>,
    ): Promise<[string, unknown, Map<string, Uint8Array>]> => {
      const { ctx, stub } = txAs('measurement', 'PTBMSP', {
        state: ledger,
        txId: 'tx-same',
        seconds: T0 + 3 * HOUR,
      });
      return [await measurement.recordBatch(ctx, request), stub.events, ledger];
    };
    assert.deepEqual(await endorse(state), await endorse(copy));
  });

  it('refuses callers without the measurement role and malformed requests, writing nothing', async () => {
    const state = await activeMeter('meter-1', keys);
    const before = new Map(state);
    const request = JSON.stringify({ batchId: 'b', readings: [energyReading('meter-1', keys, 1)] });
    const registrar = txAs('registrar', 'PTBMSP', { state });
    await assert.rejects(
      measurement.recordBatch(registrar.ctx, request),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    const caller = txAs('measurement', 'PTBMSP', { state });
    const unsigned = { ...energyReading('meter-1', keys, 1), signature: undefined };
    for (const bad of [
      '{',
      JSON.stringify({ batchId: 'b', readings: [] }),
      JSON.stringify({ batchId: 'b' }),
      JSON.stringify({ batchId: 'b', readings: [energyReading('meter-1', keys, 1), unsigned] }),
      JSON.stringify({ batchId: 'b', readings: [{ ...energyReading('meter-1', keys, 2), extra: 1 }] }),
    ]) {
      await assert.rejects(
        measurement.recordBatch(caller.ctx, bad),
        chaincodeErrorWithCode('INVALID_ARGUMENT'),
      );
    }
    assert.deepEqual(state, before);
    assert.deepEqual([registrar.stub.events, caller.stub.events], [[], []]);
    assert.equal(MeasurementEvents.batchRecorded, 'measurement.batch.recorded');
  });
});
