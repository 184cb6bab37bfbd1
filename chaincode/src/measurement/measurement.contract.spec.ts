import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReadingOutcome, MeasurementEvents } from '@metrochain/contracts';
import { LR_FINGERPRINT } from '@metrochain/lr';
import {
  HOUR,
  T0,
  activeMeter,
  attestBy,
  contract as registry,
  isoAt,
  newMeterKeys,
  txAs,
} from '../registry/testing/registry-fixtures';
import { newStubContext } from '../testing/stub-context';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import {
  MEASURED_FROM,
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

describe('measurement.recordBatch', () => {
  it('records speed and energy readings with the LR result, keyed by meter and seq, and one event', async () => {
    const state = await activeMeter('meter-1', keys);
    const result = await recordAs(state, [
      speedReading('meter-1', keys, 1, 87.5),
      energyReading('meter-1', keys, 2),
    ]);
    assert.deepEqual(statusesOf(result.outcomes), ['recorded', 'recorded']);
    const speed = await readMeasurement(state, 'meter-1', 1);
    assert.ok(speed.result.kind === 'speed' && Math.abs(speed.result.speedKmh - 87.5) < 0.1);
    assert.equal(speed.result.plateImageSha256, 'ab'.repeat(32));
    assert.equal(speed.lrFingerprint, LR_FINGERPRINT);
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
    assert.equal(progress.lastSeq, 2);
    assert.equal(progress.recorded, 2);
  });

  it('answers a reading delivered again with duplicate and the earlier record, in a later batch or the same', async () => {
    const state = await activeMeter('meter-1', keys);
    const reading = energyReading('meter-1', keys, 1);
    await recordAs(state, [reading], { txId: 'tx-first' });
    const again = await recordAs(state, [reading, reading], { txId: 'tx-again' });
    assert.deepEqual(statusesOf(again.outcomes), ['duplicate', 'duplicate']);
    const [first] = again.outcomes;
    assert.ok(first?.status === 'duplicate' && first.measurement.txId === 'tx-first');
    const inOne = await recordAs(await activeMeter('meter-2', keys), [
      energyReading('meter-2', keys, 1),
      energyReading('meter-2', keys, 1),
    ]);
    assert.deepEqual(statusesOf(inOne.outcomes), ['recorded', 'duplicate']);
    assert.equal((await readProgress(state, 'meter-1')).recorded, 1);
  });

  it('rejects a different reading that reuses a recorded seq (SEQ_REPLAYED) and a lower seq (SEQ_OUT_OF_ORDER)', async () => {
    const state = await activeMeter('meter-1', keys);
    await recordAs(state, [energyReading('meter-1', keys, 1), energyReading('meter-1', keys, 5)]);
    const replay = energyReading('meter-1', keys, 5, { measuredAt: isoAt(MEASURED_FROM + 99) });
    const result = await recordAs(state, [
      replay,
      energyReading('meter-1', keys, 3),
      energyReading('meter-1', keys, 6),
    ]);
    assert.deepEqual(statusesOf(result.outcomes), ['SEQ_REPLAYED', 'SEQ_OUT_OF_ORDER', 'recorded']);
    assert.equal((await readMeasurement(state, 'meter-1', 5)).measuredAt, isoAt(MEASURED_FROM + 5));
    await assert.rejects(
      readMeasurement(state, 'meter-1', 3),
      chaincodeErrorWithCode('MEASUREMENT_NOT_FOUND'),
    );
  });

  it('rejects each bad reading with its reason, writes nothing for it and records its neighbours', async () => {
    const state = await activeMeter('meter-1', keys);
    await attestBy(state, 'meter-pending', keys, ['PTBMSP']);
    const other = newMeterKeys();
    const good = energyReading('meter-1', keys, 1);
    const readings = [
      good,
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
      'KIND_UNSUPPORTED',
      'PAYLOAD_INVALID',
      'recorded',
    ]);
    const implausible = result.outcomes[6];
    assert.ok(implausible?.status === 'rejected' && implausible.lrCode === 'SAMPLE_OUT_OF_RANGE');
    for (const seq of [2, 3, 4, 5, 6, 7]) {
      await assert.rejects(
        readMeasurement(state, 'meter-1', seq),
        chaincodeErrorWithCode('MEASUREMENT_NOT_FOUND'),
      );
    }
    assert.equal((await readProgress(state, 'meter-1')).recorded, 2);
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

  it('accumulates a meter’s energy across batches', async () => {
    const state = await activeMeter('meter-1', keys);
    const first = await recordAs(state, [energyReading('meter-1', keys, 1)], { txId: 'tx-a' });
    const second = await recordAs(state, [energyReading('meter-1', keys, 2)], { txId: 'tx-b' });
    const [a] = first.outcomes;
    const [b] = second.outcomes;
    assert.ok(a?.status === 'recorded' && a.measurement.result.kind === 'energy');
    assert.ok(b?.status === 'recorded' && b.measurement.result.kind === 'energy');
    assert.ok(Math.abs(b.measurement.result.meterTotalWh - 2 * a.measurement.result.energyWh) < 1e-12);
    assert.equal((await readProgress(state, 'meter-1')).totalEnergyWh, b.measurement.result.meterTotalWh);
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
    for (const bad of [
      '{',
      JSON.stringify({ batchId: 'b', readings: [] }),
      JSON.stringify({ batchId: 'b' }),
    ]) {
      await assert.rejects(
        measurement.recordBatch(caller.ctx, bad),
        chaincodeErrorWithCode('INVALID_ARGUMENT'),
      );
    }
    assert.deepEqual(state, before);
    assert.deepEqual(caller.stub.events, []);
  });
});

describe('measurement queries', () => {
  it('lists a meter’s measurements in seq order within a time range, a page at a time', async () => {
    const state = await activeMeter('meter-1', keys);
    await recordAs(
      state,
      [1, 2, 3, 4, 5, 12].map((seq) => energyReading('meter-1', keys, seq)),
    );
    const query = async (request: object): Promise<{ seqs: number[]; next?: number }> => {
      const json = await measurement.queryMeasurements(
        newStubContext({ state }).ctx,
        JSON.stringify(request),
      );
      const parsed = JSON.parse(json) as { measurements: { seq: number }[]; nextAfterSeq?: number };
      return {
        seqs: parsed.measurements.map((m) => m.seq),
        ...(parsed.nextAfterSeq === undefined ? {} : { next: parsed.nextAfterSeq }),
      };
    };
    assert.deepEqual(await query({ meterId: 'meter-1', limit: 4 }), { seqs: [1, 2, 3, 4], next: 4 });
    assert.deepEqual(await query({ meterId: 'meter-1', limit: 4, afterSeq: 4 }), { seqs: [5, 12] });
    assert.deepEqual(
      await query({ meterId: 'meter-1', from: isoAt(MEASURED_FROM + 2), to: isoAt(MEASURED_FROM + 5) }),
      { seqs: [2, 3, 4] },
    );
    assert.deepEqual(await query({ meterId: 'meter-2' }), { seqs: [] });
    await assert.rejects(
      measurement.queryMeasurements(
        newStubContext({ state }).ctx,
        JSON.stringify({ meterId: 'meter-1', limit: 0 }),
      ),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });

  it('reads one measurement and a meter’s progress, with coded errors when there is none', async () => {
    const state = await activeMeter('meter-1', keys);
    const ctx = newStubContext({ state }).ctx;
    await assert.rejects(
      measurement.getMeasurement(ctx, 'meter-1', '1'),
      chaincodeErrorWithCode('MEASUREMENT_NOT_FOUND'),
    );
    await assert.rejects(
      measurement.getMeasurement(ctx, 'meter-1', '01'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      measurement.getMeterProgress(ctx, 'meter-1'),
      chaincodeErrorWithCode('METER_PROGRESS_NOT_FOUND'),
    );
    assert.equal(MeasurementEvents.batchRecorded, 'measurement.batch.recorded');
  });
});
