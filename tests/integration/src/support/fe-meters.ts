import type { Reading } from '@metrochain/contracts';
import { SLOTS_PER_DAY, encryptReading, feLabel, generateSeed } from '@metrochain/fe';
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

export function daysOf(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

/** A household's month: a base load with morning and evening peaks, 0-3000 Wh per slot, deterministic per `salt`. */
export function householdMonth(month: string, salt: number): SlotValue[] {
  return daysOf(month).flatMap((day, dayIndex) =>
    Array.from({ length: SLOTS_PER_DAY }, (_, slot) => {
      const hour = slot / 4;
      const peak = (hour >= 6 && hour < 9 ? 400 : 0) + (hour >= 17 && hour < 22 ? 900 : 0);
      const jitter = (slot * 37 + dayIndex * 101 + salt * 13) % 211;
      return { day, slot, wh: 60 + peak + jitter };
    }),
  );
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
