import type { RecordBatchRequest, RecordBatchResult } from '@metrochain/contracts';

/** A committed recordBatch: the outcomes in the order of the request, and where the transaction landed. */
export type CommittedBatch = RecordBatchResult & { transactionId: string; blockNumber: bigint };

/**
 * The measurement contract as the recorder uses it; libs/ledger's MeasurementClient is the real one (it resubmits on
 * MVCC conflicts and differing endorsements itself). Any failure means the batch may or may not be on the ledger;
 * submitting it again is safe, the contract answers readings it already holds with `duplicate`.
 */
export interface MeasurementLedger {
  recordBatch(request: RecordBatchRequest): Promise<CommittedBatch>;
}
