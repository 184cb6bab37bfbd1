import type { CommittedMeterView, MeterRecord } from '@metrochain/contracts';
import type { CommittedTransaction } from '@metrochain/ledger';

/** The record a write returned, as the API shows it: bigint does not serialise to JSON, a decimal string keeps every digit. */
export function committedView(committed: MeterRecord & CommittedTransaction): CommittedMeterView {
  const { transactionId, blockNumber, ...record } = committed;
  return { ...record, transactionId, blockNumber: blockNumber.toString() };
}
