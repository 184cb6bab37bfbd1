import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES, type RecordBatchResult } from '@metrochain/contracts';
import { LedgerError } from './ledger-error';
import { MeasurementClient } from './measurement.client';
import { FakeContract, jsonBytes, submittedTransaction } from './testing/fabric-fakes';

const reading = EVENT_SAMPLES['readings.verified.v1'].value.reading;
const recorded = EVENT_SAMPLES['measurements.recorded.v1'].value;
const measurement = {
  meterId: recorded.meterId,
  seq: recorded.seq,
  kind: 'speed' as const,
  measuredAt: recorded.measuredAt,
  result: recorded.result,
  readingDigest: recorded.readingDigest,
  keyFingerprint: recorded.lrFingerprint,
  lrFingerprint: recorded.lrFingerprint,
  recordedBy: 'PTBMSP',
  recordedAt: recorded.recordedAt,
  txId: 'tx-record',
};
const result: RecordBatchResult = {
  batchId: 'batch-1',
  outcomes: [
    { status: 'recorded', measurement },
    {
      status: 'rejected',
      meterId: reading.meterId,
      seq: 9,
      reason: 'SEQ_REPLAYED',
      detail: 'seq 9 was recorded',
    },
  ],
};

function contractReturning(value: unknown): FakeContract {
  return new FakeContract(
    () => Promise.resolve(jsonBytes(value)),
    submittedTransaction(jsonBytes(result), { transactionId: 'tx-record', blockNumber: 7n }),
  );
}

describe('MeasurementClient', () => {
  it('submits a batch as one JSON argument and returns the outcomes with the commit', async () => {
    const contract = contractReturning(null);
    const committed = await new MeasurementClient(contract).recordBatch({
      batchId: 'batch-1',
      readings: [reading],
    });
    assert.deepEqual(committed, { ...result, transactionId: 'tx-record', blockNumber: 7n });
    const [name, options] = contract.submissions[0] ?? [];
    assert.equal(name, 'recordBatch');
    assert.deepEqual(JSON.parse(String(options?.arguments?.[0])), {
      batchId: 'batch-1',
      readings: [reading],
    });
  });

  it('refuses a malformed batch with INVALID_ARGUMENT before any round trip', async () => {
    const contract = contractReturning(null);
    await assert.rejects(
      new MeasurementClient(contract).recordBatch({ batchId: 'batch-1', readings: [] }),
      (error: unknown) => error instanceof LedgerError && error.code === 'INVALID_ARGUMENT',
    );
    assert.deepEqual(contract.submissions, []);
  });

  it('reads a measurement, a page of measurements and a meter’s progress with their arguments', async () => {
    const client = new MeasurementClient(contractReturning(measurement));
    assert.deepEqual(await client.getMeasurement(reading.meterId, 3), measurement);
    const pages = contractReturning({ measurements: [measurement], nextAfterSeq: 3 });
    const page = await new MeasurementClient(pages).queryMeasurements({ meterId: reading.meterId, limit: 1 });
    assert.equal(page.nextAfterSeq, 3);
    assert.deepEqual(pages.evaluations, [
      ['queryMeasurements', JSON.stringify({ meterId: reading.meterId, limit: 1 })],
    ]);
    const progress = {
      meterId: reading.meterId,
      lastSeq: 3,
      lastMeasuredAt: recorded.measuredAt,
      recorded: 3,
    };
    const progressContract = contractReturning(progress);
    assert.deepEqual(
      await new MeasurementClient(progressContract).getMeterProgress(reading.meterId),
      progress,
    );
    assert.deepEqual(progressContract.evaluations, [['getMeterProgress', reading.meterId]]);
  });
});
