import {
  BILLING_SLOTS_PER_DAY,
  type FeSlotEntry,
  type SlotCiphertext,
  feSlotEntrySchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { parseStoredValue, toCanonicalJson } from '../common/state';
import { readKeyRange } from '../common/state-range';

/**
 * The energy-fe slot index: `fe-slot` composite keys of (meterId, day, slot as two digits) holding
 * `{ seq, ciphertext, readingDigest }`. The measurement contract writes an entry with each energy-fe measurement and
 * refuses a second ciphertext for a slot; the billing contract reads a meter's month of entries (docs/billing.md).
 */
export const FE_SLOT_OBJECT_TYPE = 'fe-slot';
export const SLOT_MS = (24 * 60 * 60 * 1000) / BILLING_SLOTS_PER_DAY;

// The largest Unicode code point: what fabric-shim appends to a partial composite key to end its range.
const MAX_UNICODE_RUNE = '\u{10FFFF}';
const COMPOSITE_KEY_SEPARATOR = '\u0000';
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Two digits, so that key order is slot order. */
export function slotKeyPart(slot: number): string {
  return String(slot).padStart(2, '0');
}

export function feSlotKey(ctx: Context, meterId: string, day: string, slot: number): string {
  return ctx.stub.createCompositeKey(FE_SLOT_OBJECT_TYPE, [meterId, day, slotKeyPart(slot)]);
}

/** Whether a (day, slot) as a payload carries them can name an index key; the LR checks them fully. */
export function isSlotAddress(day: unknown, slot: unknown): day is string {
  return (
    typeof day === 'string' &&
    DAY_PATTERN.test(day) &&
    Number.isInteger(slot) &&
    (slot as number) >= 0 &&
    (slot as number) < BILLING_SLOTS_PER_DAY
  );
}

/** When a slot ends: its day's midnight (UTC) plus (slot + 1) × 15 minutes, in milliseconds. */
export function slotEndMs(day: string, slot: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (slot + 1) * SLOT_MS;
}

export function feSlotEntryBytes(entry: FeSlotEntry): Uint8Array {
  return Buffer.from(toCanonicalJson(feSlotEntrySchema.parse(entry)), 'utf8');
}

export function parseFeSlotEntry(bytes: Uint8Array): FeSlotEntry | undefined {
  return parseStoredValue(bytes, feSlotEntrySchema);
}

/** A meter's recorded slots of one month (`YYYY-MM`), in (day, slot) order: one range query. */
export async function readFeSlotsOfMonth(
  ctx: Context,
  meterId: string,
  period: string,
): Promise<SlotCiphertext[]> {
  const meterPrefix = ctx.stub.createCompositeKey(FE_SLOT_OBJECT_TYPE, [meterId]);
  const monthPrefix = `${meterPrefix}${period}-`;
  const entries = await readKeyRange(ctx, monthPrefix, monthPrefix + MAX_UNICODE_RUNE);
  return entries.map(({ key, value }) => {
    const [day = '', slot = ''] = key.slice(meterPrefix.length).split(COMPOSITE_KEY_SEPARATOR);
    const entry = feSlotEntrySchema.parse(JSON.parse(Buffer.from(value).toString('utf8')));
    return { day, slot: Number(slot), seq: entry.seq, ciphertext: entry.ciphertext };
  });
}
