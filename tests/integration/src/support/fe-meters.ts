import type { Reading } from '@metrochain/contracts';
import { encryptReading, feLabel, generateSeed } from '@metrochain/fe';
import { householdLoadWh, slotsOfMonth } from '@metrochain/fleet';
import { MeasurementClient } from '@metrochain/tool-kit';
import { MEASUREMENT_URL, signReading } from './ingest';
import type { TestMeter } from './meters';

/** An energy-fe meter: its signing key and the FE seed its customer holds. */
export interface FeMeter {
  meter: TestMeter;
  seed: Uint8Array;
}

export function feMeter(meter: TestMeter): FeMeter {
  return { meter, seed: generateSeed() };
}

/** One slot of one day and the Wh the meter integrated in it. */
export interface SlotValue {
  day: string;
  slot: number;
  wh: number;
}

/** `YYYY-MM` of the month `back` months before the current one (UTC). */
export function monthsAgo(back: number, now = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}

/** A month of the meter's slots with the Wh of the fleet's household load profile (deterministic per meter). */
export function householdMonth(meterId: string, month: string): SlotValue[] {
  return slotsOfMonth(month).map((at) => ({ ...at, wh: householdLoadWh(meterId, at) }));
}

/** The signed energy-fe readings of `values`, `seq` from `firstSeq` on, measured now (every slot has ended). */
export function feReadings(fe: FeMeter, values: readonly SlotValue[], firstSeq: number): Reading[] {
  const measuredAt = new Date().toISOString();
  return values.map((value, index) =>
    signReading(fe.meter, {
      meterId: fe.meter.id,
      seq: firstSeq + index,
      measuredAt,
      kind: 'energy-fe',
      payload: {
        day: value.day,
        slot: value.slot,
        ciphertext: encryptReading(fe.seed, feLabel(fe.meter.id, value.day), value.slot, value.wh),
      },
    }),
  );
}

/** Posts readings in full batches, in order, waiting out 429 RATE_LIMITED as a meter must. */
export async function uploadBacklog(readings: readonly Reading[]): Promise<void> {
  await new MeasurementClient({ baseUrl: MEASUREMENT_URL, timeoutMs: 60_000 }).postInOrder(readings);
}

/** The tariff's weight of each slot of the day: the price of its band. */
export function weightsOf(tariff: Readonly<{ bands: number[]; pricesMinorPerKWh: number[] }>): number[] {
  return tariff.bands.map((band) => tariff.pricesMinorPerKWh[band] ?? 0);
}

/** The bill the plaintext gives: Σ Wh × price (thousandths of a minor unit) and its rounding to minor units. */
export function plaintextBill(
  values: readonly SlotValue[],
  weights: readonly number[],
): { innerProductMilliMinor: number; amountMinor: number } {
  const innerProduct = values.reduce((sum, value) => sum + value.wh * (weights[value.slot] ?? 0), 0);
  const amount = Math.sign(innerProduct) * Math.floor((Math.abs(innerProduct) + 500) / 1000);
  return { innerProductMilliMinor: innerProduct, amountMinor: amount };
}
