import type { Contract } from '@hyperledger/fabric-gateway';
import {
  MEASUREMENT_CONTRACT,
  type MeasurementRecord,
  MeasurementTransactions,
  type MeterProgress,
  type QueryMeasurementsRequest,
  type QueryMeasurementsResult,
  type RecordBatchRequest,
  type RecordBatchResult,
  measurementKeySchema,
  measurementRecordSchema,
  meterProgressSchema,
  queryMeasurementsRequestSchema,
  queryMeasurementsResultSchema,
  recordBatchRequestSchema,
  recordBatchResultSchema,
} from '@metrochain/contracts';
import type { z } from 'zod';
import type { LedgerConnection } from './connect-ledger';
import { decodeJson, validateRequest } from './decode-result';
import { type CommittedTransaction, evaluateTransaction, submitTransaction } from './ledger-transaction';
import { submitWithRetry } from './submit-with-retry';

export type MeasurementContract = Pick<Contract, 'evaluateTransaction' | 'submitAsync'>;

type MeasurementTransactionName = (typeof MeasurementTransactions)[keyof typeof MeasurementTransactions];
type Committed<T> = T & CommittedTransaction;

/**
 * Typed client of the measurement contract (docs/measurement.md): the LR software recording batches of verified
 * readings, and reads of what it recorded. Failures are LedgerErrors with the chaincode's code or a transport code.
 */
export class MeasurementClient {
  readonly #contract: MeasurementContract;

  constructor(contract: MeasurementContract) {
    this.#contract = contract;
  }

  static forConnection(connection: Pick<LedgerConnection, 'contract'>): MeasurementClient {
    return new MeasurementClient(connection.contract(MEASUREMENT_CONTRACT));
  }

  /**
   * Records a batch; each reading is recorded, found `duplicate` (recorded before, nothing written) or `rejected`
   * with a reason on its own. Retried on read conflicts and differing endorsements: a transaction that failed
   * wrote nothing, and one that committed makes the retry answer `duplicate`.
   */
  async recordBatch(request: RecordBatchRequest): Promise<Committed<RecordBatchResult>> {
    const valid = validateRequest(recordBatchRequestSchema, request);
    const args = [JSON.stringify(valid)];
    const submitted = await submitWithRetry(() =>
      submitTransaction(this.#contract, MeasurementTransactions.recordBatch, args),
    );
    const result = decodeJson(
      submitted.result,
      recordBatchResultSchema,
      `${MEASUREMENT_CONTRACT}.recordBatch result`,
    );
    return { ...result, transactionId: submitted.transactionId, blockNumber: submitted.blockNumber };
  }

  /** The measurement of one reading; fails with MEASUREMENT_NOT_FOUND when none was recorded. */
  async getMeasurement(meterId: string, seq: number): Promise<MeasurementRecord> {
    const key = validateRequest(measurementKeySchema, { meterId, seq });
    return this.#evaluate(
      MeasurementTransactions.getMeasurement,
      [key.meterId, String(key.seq)],
      measurementRecordSchema,
    );
  }

  /** A meter's measurements in `seq` order, filtered by measurement time, one page at a time. */
  async queryMeasurements(request: QueryMeasurementsRequest): Promise<QueryMeasurementsResult> {
    const valid = validateRequest(queryMeasurementsRequestSchema, request);
    return this.#evaluate(
      MeasurementTransactions.queryMeasurements,
      [JSON.stringify(valid)],
      queryMeasurementsResultSchema,
    );
  }

  /** The highest recorded `seq`, the count and the accumulated energy; METER_PROGRESS_NOT_FOUND before any record. */
  async getMeterProgress(meterId: string): Promise<MeterProgress> {
    const key = validateRequest(measurementKeySchema.shape.meterId, meterId);
    return this.#evaluate(MeasurementTransactions.getMeterProgress, [key], meterProgressSchema);
  }

  async #evaluate<Schema extends z.ZodTypeAny>(
    name: MeasurementTransactionName,
    args: readonly string[],
    schema: Schema,
  ): Promise<z.output<Schema>> {
    const result = await evaluateTransaction(this.#contract, name, args);
    return decodeJson(result, schema, `${MEASUREMENT_CONTRACT}.${name} result`);
  }
}
