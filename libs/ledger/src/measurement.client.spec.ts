import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  type Contract,
  EndorseError,
  GatewayError,
  StatusCode,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import { EVENT_SAMPLES, MEASUREMENT_CONTRACT, type RecordBatchResult } from '@metrochain/contracts';
import { LedgerError } from './ledger-error';
import { MeasurementClient } from './measurement.client';
import {
  FakeContract,
  errorDetail,
  jsonBytes,
  serviceError,
  submittedTransaction,
} from './testing/fabric-fakes';

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

  it('submits the batch again when it commits with a read conflict or the endorsements differ', async () => {
    const conflict = submittedTransaction(jsonBytes(result), {
      successful: false,
      code: StatusCode.MVCC_READ_CONFLICT,
      transactionId: 'tx-conflict',
    });
    const committed = submittedTransaction(jsonBytes(result), {
      transactionId: 'tx-record',
      blockNumber: 9n,
    });
    const differ = new EndorseError({
      code: GrpcStatus.ABORTED,
      message: 'failed to collect enough transaction endorsements',
      details: [errorDetail('ProposalResponsePayloads do not match')],
      cause: serviceError(GrpcStatus.ABORTED, 'failed to collect enough transaction endorsements'),
      transactionId: 'tx-differ',
    });
    const answers: (() => Promise<SubmittedTransaction>)[] = [
      () => Promise.resolve(conflict),
      () => Promise.reject(differ),
      () => Promise.resolve(committed),
    ];
    const names: string[] = [];
    const contract = {
      evaluateTransaction: (): Promise<Uint8Array> => Promise.reject(new Error('unused')),
      submitAsync: (name: string): Promise<SubmittedTransaction> => {
        names.push(name);
        return answers[names.length - 1]?.() ?? Promise.reject(new Error('too many submissions'));
      },
    };
    const batch = await new MeasurementClient(contract).recordBatch({
      batchId: 'batch-1',
      readings: [reading],
    });
    assert.deepEqual(names, ['recordBatch', 'recordBatch', 'recordBatch']);
    assert.deepEqual([batch.transactionId, batch.blockNumber], ['tx-record', 9n]);
  });

  it('surfaces the chaincode code of a failed read and refuses a malformed key before any round trip', async () => {
    const message = 'chaincode response 500, [MEASUREMENT_NOT_FOUND] no measurement of meter-1 seq 4';
    const contract = new FakeContract(
      () =>
        Promise.reject(
          new GatewayError({
            code: GrpcStatus.UNKNOWN,
            message,
            details: [],
            cause: serviceError(GrpcStatus.UNKNOWN, message),
          }),
        ),
      submittedTransaction(jsonBytes(result)),
    );
    const client = new MeasurementClient(contract);
    await assert.rejects(
      client.getMeasurement('meter-1', 4),
      (error: unknown) => error instanceof LedgerError && error.code === 'MEASUREMENT_NOT_FOUND',
    );
    assert.deepEqual(contract.evaluations, [['getMeasurement', 'meter-1', '4']]);
    for (const bad of [client.getMeasurement('meter-1', -1), client.getMeterProgress('../meter')]) {
      await assert.rejects(
        bad,
        (error: unknown) => error instanceof LedgerError && error.code === 'INVALID_ARGUMENT',
      );
    }
    assert.equal(contract.evaluations.length, 1);
  });

  it('fails loudly when the chaincode answers outside the contract schema', async () => {
    const client = new MeasurementClient(contractReturning({ ...measurement, seq: -1 }));
    await assert.rejects(
      client.getMeasurement('meter-1', 3),
      (error: unknown) => error instanceof LedgerError && error.code === 'LEDGER_ERROR',
    );
  });

  it('binds to the measurement contract of a connection', async () => {
    const names: (string | undefined)[] = [];
    const client = MeasurementClient.forConnection({
      contract: (name?: string): Contract => {
        names.push(name);
        return contractReturning(measurement) as unknown as Contract;
      },
    });
    await client.getMeasurement('meter-1', 3);
    assert.deepEqual(names, [MEASUREMENT_CONTRACT]);
  });
});
