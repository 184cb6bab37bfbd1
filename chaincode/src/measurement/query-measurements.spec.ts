import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeMeter, isoAt, newMeterKeys } from '../registry/testing/registry-fixtures';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import { putCanonicalState } from '../common/state';
import { recordKey } from './measurement-state';
import { MAX_SCANNED_RECORDS } from './query-measurements';
import {
  MEASURED_FROM,
  energyReading,
  measurement,
  queryAs,
  readMeasurement,
  recordAs,
} from './testing/measurement-fixtures';

const keys = newMeterKeys();

async function meterWithSeqs(seqs: readonly number[]): Promise<Map<string, Uint8Array>> {
  const state = await activeMeter('meter-1', keys);
  await recordAs(
    state,
    seqs.map((seq) => energyReading('meter-1', keys, seq)),
  );
  return state;
}

async function seqsOf(
  state: Map<string, Uint8Array>,
  request: Parameters<typeof queryAs>[1],
): Promise<{ seqs: number[]; next?: number }> {
  const page = await queryAs(state, request);
  return {
    seqs: page.measurements.map((record) => record.seq),
    ...(page.nextAfterSeq === undefined ? {} : { next: page.nextAfterSeq }),
  };
}

describe('queryMeasurements', () => {
  it('lists a meter’s measurements in seq order, a page at a time', async () => {
    const state = await meterWithSeqs([1, 2, 3, 4, 5, 12]);
    assert.deepEqual(await seqsOf(state, { meterId: 'meter-1', limit: 4 }), { seqs: [1, 2, 3, 4], next: 4 });
    assert.deepEqual(await seqsOf(state, { meterId: 'meter-1', limit: 4, afterSeq: 4 }), { seqs: [5, 12] });
    assert.deepEqual(await seqsOf(state, { meterId: 'meter-1', limit: 6 }), { seqs: [1, 2, 3, 4, 5, 12] });
    assert.deepEqual(await seqsOf(state, { meterId: 'meter-1', afterSeq: 12 }), { seqs: [] });
    assert.deepEqual(await seqsOf(state, { meterId: 'meter-2' }), { seqs: [] });
    const page = await queryAs(state, { meterId: 'meter-1', afterSeq: 3, limit: 1 });
    assert.deepEqual(page.measurements, [await readMeasurement(state, 'meter-1', 4)]);
    assert.deepEqual(page.pageSizes, [2]);
  });

  it('keeps measurements measured in [from, to)', async () => {
    const state = await meterWithSeqs([1, 2, 3, 4, 5, 12]);
    const range = { meterId: 'meter-1', from: isoAt(MEASURED_FROM + 2), to: isoAt(MEASURED_FROM + 5) };
    assert.deepEqual(await seqsOf(state, range), { seqs: [2, 3, 4] });
    assert.deepEqual(await seqsOf(state, { ...range, limit: 2 }), { seqs: [2, 3], next: 3 });
    assert.deepEqual(await seqsOf(state, { ...range, limit: 2, afterSeq: 3 }), { seqs: [4] });
    assert.deepEqual(await seqsOf(state, { meterId: 'meter-1', from: isoAt(MEASURED_FROM + 12) }), {
      seqs: [12],
    });
  });

  it('stops after MAX_SCANNED_RECORDS records and says where to continue', async () => {
    const state = await meterWithSeqs([1]);
    const template = await readMeasurement(state, 'meter-1', 1);
    const { ctx } = newStubContext({ state });
    for (let seq = 2; seq <= MAX_SCANNED_RECORDS + 5; seq += 1) {
      await putCanonicalState(ctx, recordKey(ctx, 'meter-1', seq), { ...template, seq });
    }
    const nothing = { meterId: 'meter-1', to: isoAt(MEASURED_FROM), limit: 1000 };
    const first = await queryAs(state, nothing);
    assert.deepEqual([first.measurements, first.nextAfterSeq], [[], MAX_SCANNED_RECORDS]);
    assert.equal(
      first.pageSizes.reduce((sum, size) => sum + size, 0),
      MAX_SCANNED_RECORDS,
    );
    const rest = await queryAs(state, { ...nothing, afterSeq: MAX_SCANNED_RECORDS });
    assert.deepEqual([rest.measurements, rest.nextAfterSeq], [[], undefined]);
  });

  it('refuses a malformed query', async () => {
    const state = await meterWithSeqs([1]);
    for (const request of [{ meterId: 'meter-1', limit: 0 }, { meterId: 'meter-1', limit: 1001 }, {}]) {
      await assert.rejects(
        measurement.queryMeasurements(newStubContext({ state }).ctx, JSON.stringify(request)),
        chaincodeErrorWithCode('INVALID_ARGUMENT'),
      );
    }
  });
});

describe('getMeasurement and getMeterProgress', () => {
  it('read one measurement and a meter’s progress, with coded errors when there is none', async () => {
    const state = await activeMeter('meter-1', keys);
    const ctx = newStubContext({ state }).ctx;
    await assert.rejects(
      measurement.getMeasurement(ctx, 'meter-1', '1'),
      chaincodeErrorWithCode('MEASUREMENT_NOT_FOUND'),
    );
    for (const seq of ['01', '-1', '1.5', 'x', '12345678901234567']) {
      await assert.rejects(
        measurement.getMeasurement(ctx, 'meter-1', seq),
        chaincodeErrorWithCode('INVALID_ARGUMENT'),
      );
    }
    await assert.rejects(
      measurement.getMeterProgress(ctx, 'meter-1'),
      chaincodeErrorWithCode('METER_PROGRESS_NOT_FOUND'),
    );
    await assert.rejects(
      measurement.getMeterProgress(ctx, '../meter'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });
});
