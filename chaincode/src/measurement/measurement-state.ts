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
import { getParsedState, putCanonicalState, toCanonicalJson } from '../common/state';

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

export async function putRecord(ctx: Context, record: MeasurementRecord): Promise<void> {
  await putCanonicalState(
    ctx,
    recordKey(ctx, record.meterId, record.seq),
    measurementRecordSchema.parse(record),
  );
}

export async function findProgress(ctx: Context, meterId: string): Promise<MeterProgress | undefined> {
  return getParsedState(
    ctx,
    ctx.stub.createCompositeKey(PROGRESS_OBJECT_TYPE, [meterId]),
    meterProgressSchema,
  );
}

export async function putProgress(ctx: Context, progress: MeterProgress): Promise<void> {
  const key = ctx.stub.createCompositeKey(PROGRESS_OBJECT_TYPE, [progress.meterId]);
  await putCanonicalState(ctx, key, meterProgressSchema.parse(progress));
}

/** Validates the payload against its contract schema, then sets it as the transaction's one chaincode event. */
export function emitBatchRecorded(ctx: Context, payload: MeasurementBatchRecordedEvent): void {
  const valid = measurementBatchRecordedEventSchema.parse(payload);
  ctx.stub.setEvent(MeasurementEvents.batchRecorded, Buffer.from(toCanonicalJson(valid), 'utf8'));
}
