import {
  MEASUREMENT_CONTRACT,
  type MeasurementBatchRecordedEvent,
  MeasurementEvents,
  type MeasurementRecord,
  type MeterProgress,
  measurementBatchRecordedEventSchema,
  measurementRecordSchema,
  meterProgressSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { getParsedState, toCanonicalJson } from '../common/state';

// Prefixed like the registry's: all contracts share one chaincode namespace.
export const RECORD_OBJECT_TYPE = `${MEASUREMENT_CONTRACT}-record`;
const PROGRESS_OBJECT_TYPE = `${MEASUREMENT_CONTRACT}-progress`;
// Zero-padded so that key order is seq order (seq ≤ 2^53 has at most 16 digits).
const SEQ_DIGITS = 16;

export function seqKeyPart(seq: number): string {
  return String(seq).padStart(SEQ_DIGITS, '0');
}

export function recordKey(ctx: Context, meterId: string, seq: number): string {
  return ctx.stub.createCompositeKey(RECORD_OBJECT_TYPE, [meterId, seqKeyPart(seq)]);
}

export async function findRecord(
  ctx: Context,
  meterId: string,
  seq: number,
): Promise<MeasurementRecord | undefined> {
  return getParsedState(ctx, recordKey(ctx, meterId, seq), measurementRecordSchema);
}

/** One page of a meter's records in `seq` order; `bookmark` is where the next page starts, '' when none follows. */
export interface RecordPage {
  records: MeasurementRecord[];
  bookmark: string;
}

/**
 * Where a scan of a meter's records starting at `fromSeq` begins. For range queries the peer takes a non-empty
 * bookmark as the scan's inclusive start key, so a page can start at any `seq` without walking the ones before it.
 */
export function recordBookmark(ctx: Context, meterId: string, fromSeq: number): string {
  return recordKey(ctx, meterId, fromSeq);
}

/** Read-only transactions only: Fabric refuses paginated queries in transactions that write. */
export async function readRecordPage(
  ctx: Context,
  meterId: string,
  pageSize: number,
  bookmark: string,
): Promise<RecordPage> {
  const { iterator, metadata } = await ctx.stub.getStateByPartialCompositeKeyWithPagination(
    RECORD_OBJECT_TYPE,
    [meterId],
    pageSize,
    bookmark,
  );
  const records: MeasurementRecord[] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const json: unknown = JSON.parse(Buffer.from(next.value.value).toString('utf8'));
      records.push(measurementRecordSchema.parse(json));
    }
  } finally {
    await iterator.close();
  }
  return { records, bookmark: metadata.bookmark };
}

export function progressKey(ctx: Context, meterId: string): string {
  return ctx.stub.createCompositeKey(PROGRESS_OBJECT_TYPE, [meterId]);
}

export async function findProgress(ctx: Context, meterId: string): Promise<MeterProgress | undefined> {
  return getParsedState(ctx, progressKey(ctx, meterId), meterProgressSchema);
}

/** Validates the payload against its contract schema, then sets it as the transaction's one chaincode event. */
export function emitBatchRecorded(ctx: Context, payload: MeasurementBatchRecordedEvent): void {
  const valid = measurementBatchRecordedEventSchema.parse(payload);
  ctx.stub.setEvent(MeasurementEvents.batchRecorded, Buffer.from(toCanonicalJson(valid), 'utf8'));
}
