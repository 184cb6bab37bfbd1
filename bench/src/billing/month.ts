import type { Reading } from '@metrochain/contracts';
import { signedTextOf } from '@metrochain/contracts';
import { SLOTS_PER_DAY, encryptReading, feLabel } from '@metrochain/fe';
import { signData } from '@metrochain/pki';

export interface SlotValue {
  day: string;
  slot: number;
  wh: number;
}

/** `YYYY-MM` of the month `back` months before the current one (UTC). */
export function monthsAgo(back: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

/** A household's month, 15-minute slots, 0-3,000 Wh each, deterministic per `salt`. */
export function householdMonth(month: string, salt: number): SlotValue[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: days * SLOTS_PER_DAY }, (_, index) => {
    const slot = index % SLOTS_PER_DAY;
    const day = `${month}-${String(Math.floor(index / SLOTS_PER_DAY) + 1).padStart(2, '0')}`;
    const hour = slot / 4;
    const peak = (hour >= 6 && hour < 9 ? 400 : 0) + (hour >= 17 && hour < 22 ? 900 : 0);
    return { day, slot, wh: 60 + peak + ((index * 37 + salt * 13) % 211) };
  });
}

/** The meter's signed energy-fe readings of `values`, seq 1…n, measured now (every slot has ended). */
export function signedFeReadings(
  meter: Readonly<{ id: string; privatePem: string; seed: Uint8Array }>,
  values: readonly SlotValue[],
): Reading[] {
  const measuredAt = new Date().toISOString();
  return values.map((value, index) => {
    const unsigned = {
      meterId: meter.id,
      seq: index + 1,
      measuredAt,
      kind: 'energy-fe' as const,
      payload: {
        day: value.day,
        slot: value.slot,
        ciphertext: encryptReading(meter.seed, feLabel(meter.id, value.day), value.slot, value.wh),
      },
    };
    return { ...unsigned, signature: signData(meter.privatePem, signedTextOf(unsigned)) };
  });
}
