import {
  BILLING_SLOTS_PER_DAY,
  MAX_MISSING_RANGES,
  type MissingSlots,
  type SlotCiphertext,
  type Tariff,
} from '@metrochain/contracts';
import { createHash } from 'node:crypto';
import { slotKeyPart } from './fe-slot-index';

/** The period's slots: how many were expected and received, and the missing ones as ranges (the first 100). */
export interface SlotCoverage {
  slotsExpected: number;
  slotsReceived: number;
  missing: MissingSlots[];
}

/** Which of the days' slots have a ciphertext; a missing run never crosses midnight (each day is its own label). */
export function slotCoverage(days: readonly string[], recorded: readonly SlotCiphertext[]): SlotCoverage {
  const present = new Set(recorded.map(({ day, slot }) => `${day}|${String(slot)}`));
  const missing: MissingSlots[] = [];
  for (const day of days) {
    let runStart: number | undefined;
    for (let slot = 0; slot <= BILLING_SLOTS_PER_DAY; slot += 1) {
      const absent = slot < BILLING_SLOTS_PER_DAY && !present.has(`${day}|${String(slot)}`);
      if (absent) {
        runStart ??= slot;
      } else if (runStart !== undefined) {
        missing.push({ day, fromSlot: runStart, toSlot: slot - 1 });
        runStart = undefined;
      }
    }
  }
  return {
    slotsExpected: days.length * BILLING_SLOTS_PER_DAY,
    slotsReceived: recorded.length,
    missing: missing.slice(0, MAX_MISSING_RANGES),
  };
}

/**
 * `ciphertextSetSha256`: SHA-256 (lowercase hex) of the UTF-8 text with one line per recorded slot in (day, slot)
 * order, each `<day YYYY-MM-DD> <slot, two digits> <ciphertext base64>\n`. Naming day and slot makes the set of an
 * incomplete period unambiguous; anyone holding the ciphertexts (listCiphertexts) can recompute it.
 */
export function ciphertextSetSha256(recorded: readonly SlotCiphertext[]): string {
  const hash = createHash('sha256');
  for (const { day, slot, ciphertext } of recorded) {
    hash.update(`${day} ${slotKeyPart(slot)} ${ciphertext}\n`, 'utf8');
  }
  return hash.digest('hex');
}

/** y_j = the price of slot j's band, minor units per kWh. */
export function slotWeights(tariff: Readonly<Pick<Tariff, 'bands' | 'pricesMinorPerKWh'>>): number[] {
  return tariff.bands.map((band) => tariff.pricesMinorPerKWh[band] ?? 0);
}

/** Thousandths of a minor unit to minor units, rounded half away from zero (exact: bigint arithmetic). */
export function roundMilliToMinor(milli: bigint): bigint {
  const magnitude = milli < 0n ? -milli : milli;
  const rounded = (magnitude + 500n) / 1000n;
  return milli < 0n ? -rounded : rounded;
}
