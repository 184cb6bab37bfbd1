import type { Reading } from '@metrochain/contracts';
import { signedTextOf } from '@metrochain/contracts';
import { encryptReading, feLabel } from '@metrochain/fe';
import { householdLoadWh, slotsOfMonth } from '@metrochain/fleet';
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

/** A month of the meter's slots with the Wh of the fleet's household load profile (deterministic per meter). */
export function householdMonth(meterId: string, month: string): SlotValue[] {
  return slotsOfMonth(month).map((at) => ({ ...at, wh: householdLoadWh(meterId, at) }));
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
