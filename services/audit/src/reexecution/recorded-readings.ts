import {
  MEASUREMENT_CONTRACT,
  type MeasurementRecord,
  MeasurementTransactions,
  type Reading,
  recordBatchRequestSchema,
  recordBatchResultSchema,
} from '@metrochain/contracts';
import type { DecodedTransaction } from '@metrochain/ledger';

const RECORD_BATCH = `${MEASUREMENT_CONTRACT}:${MeasurementTransactions.recordBatch}`;

/** A reading a recordBatch transaction recorded: the raw signed reading from its arguments, the record it wrote. */
export interface RecordedReading {
  reading: Reading;
  record: MeasurementRecord;
}

/** Where a recorded reading lies on the chain. */
export interface TransactionPlace {
  txId: string;
  blockNumber: number;
  chaincode: string;
}

export interface RecordBatchTransaction extends TransactionPlace {
  recorded: RecordedReading[];
}

/** Whether the transaction is a committed (valid) recordBatch of any chaincode name on the channel. */
export function isValidRecordBatch(tx: Readonly<DecodedTransaction>): boolean {
  return tx.validationCode === 'VALID' && tx.function === RECORD_BATCH && tx.args.length > 0;
}

/**
 * The readings a valid recordBatch transaction recorded, paired with their records: the request (its argument)
 * and the result (the endorsed response payload) list them in the same order. Duplicates and rejections wrote
 * nothing and are left out. Undefined for any other transaction or one whose request or result does not parse.
 */
export function recordBatchOf(
  tx: Readonly<DecodedTransaction>,
  blockNumber: number,
): RecordBatchTransaction | undefined {
  if (!isValidRecordBatch(tx) || tx.responsePayload === undefined) {
    return undefined;
  }
  const request = recordBatchRequestSchema.safeParse(parseJson(tx.args[0]));
  const result = recordBatchResultSchema.safeParse(parseJson(tx.responsePayload));
  if (!request.success || !result.success) {
    return undefined;
  }
  const recorded: RecordedReading[] = [];
  result.data.outcomes.forEach((outcome, index) => {
    const reading = request.data.readings[index];
    if (outcome.status === 'recorded' && reading !== undefined) {
      recorded.push({ reading, record: outcome.measurement });
    }
  });
  return { txId: tx.txId, blockNumber, chaincode: tx.chaincode ?? '', recorded };
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}
