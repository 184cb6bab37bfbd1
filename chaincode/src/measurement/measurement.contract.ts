import { MEASUREMENT_CONTRACT, type MeasurementTransactions } from '@metrochain/contracts';
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireRole } from '../common/access-control';
import { parseMeterId } from '../registry/registry-state';
import {
  getMeasurement,
  getMeterProgress,
  parseMeasurementKey,
  parseQueryRequest,
  queryMeasurements,
} from './query-measurements';
import { MEASUREMENT_ROLE, parseRecordBatchRequest, recordBatch } from './record-batch';

type MeasurementTransactionName = (typeof MeasurementTransactions)[keyof typeof MeasurementTransactions];
/** Makes the compiler fail when the contract library names a transaction this class does not implement. */
type MeasurementTransactionMethods = Record<
  MeasurementTransactionName,
  (ctx: Context, ...args: string[]) => Promise<string>
>;

// `Context` is imported as a value: fabric-contract-api recognises the context parameter by its emitted design type.
@Info({
  title: MEASUREMENT_CONTRACT,
  description:
    'The legally relevant software: verified readings in, measurements recorded by reading identity',
})
export class MeasurementContract extends Contract implements MeasurementTransactionMethods {
  constructor() {
    super(MEASUREMENT_CONTRACT);
  }

  @Transaction()
  @Returns('string')
  async recordBatch(ctx: Context, requestJson: string): Promise<string> {
    const recordedBy = requireRole(ctx, MEASUREMENT_ROLE);
    return recordBatch(ctx, parseRecordBatchRequest(requestJson), recordedBy);
  }

  @Transaction(false)
  @Returns('string')
  async getMeasurement(ctx: Context, meterId: string, seq: string): Promise<string> {
    const key = parseMeasurementKey(meterId, seq);
    return getMeasurement(ctx, key.meterId, key.seq);
  }

  @Transaction(false)
  @Returns('string')
  async queryMeasurements(ctx: Context, requestJson: string): Promise<string> {
    return queryMeasurements(ctx, parseQueryRequest(requestJson));
  }

  @Transaction(false)
  @Returns('string')
  async getMeterProgress(ctx: Context, meterId: string): Promise<string> {
    return getMeterProgress(ctx, parseMeterId(meterId));
  }
}
