import { type FeDay, SLOTS_PER_DAY, encryptReading, feLabel } from '@metrochain/fe';
import { seededRandom } from '@metrochain/sensor-signals';

export const DAYS_PER_MONTH = 31;
export const MAX_READING_WH = 3000;

/**
 * A three-band tariff in minor units per kWh: night 00:00–07:00 at 25, day at 32, evening peak 17:00–21:00 at 41.
 * The inner product of Wh and these prices is in thousandths of a minor unit.
 */
export const TARIFF_WEIGHTS: readonly number[] = Array.from({ length: SLOTS_PER_DAY }, (_, slot) => {
  if (slot < 28) return 25;
  return slot >= 68 && slot < 84 ? 41 : 32;
});

/**
 * Readings of every slot of a month, day after day: Wh 0…3000, the same on every run (seeded), so that results
 * compare across machines and commits.
 */
export function monthReadings(seed = 3): number[][] {
  const next = seededRandom(seed);
  return Array.from({ length: DAYS_PER_MONTH }, () =>
    Array.from({ length: SLOTS_PER_DAY }, () => Math.floor(next() * (MAX_READING_WH + 1))),
  );
}

export function expectedInnerProduct(readings: readonly (readonly number[])[]): bigint {
  let sum = 0n;
  for (const day of readings) {
    day.forEach((value, slot) => (sum += BigInt(value * (TARIFF_WEIGHTS[slot] ?? 0))));
  }
  return sum;
}

export function dayLabel(meterId: string, index: number): string {
  return feLabel(meterId, `2026-01-${String(index + 1).padStart(2, '0')}`);
}

/** Encrypts the month as a meter does, slot after slot; `onDay` after each day for progress. */
export function encryptMonth(
  seed: Uint8Array,
  meterId: string,
  readings: readonly (readonly number[])[],
  onDay?: (done: number) => void,
): FeDay[] {
  return readings.map((day, index) => {
    const label = dayLabel(meterId, index);
    const ciphertexts = day.map((value, slot) => encryptReading(seed, label, slot, value));
    onDay?.(index + 1);
    return { label, ciphertexts };
  });
}

/** CPU time (user + system) of this process in ms: unlike wall time, not inflated by other work on the host. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  /** Median CPU time of the same runs. */
  medianCpuMs: number;
}

const median = (values: number[]): number =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Median and minimum wall time and median CPU time of repeated runs of `run` (ms), after one untimed warm-up. */
export function timeRepeated(runs: number, run: () => void): Timing {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const startedCpu = cpuMs();
    run();
    cpu.push(cpuMs() - startedCpu);
    wall.push(performance.now() - started);
  }
  return { medianMs: median([...wall]), minMs: Math.min(...wall), medianCpuMs: median(cpu) };
}
