import { gaussian, seededRandom } from './prng';

/** The simulator's noise on loop signals: Gaussian, this fraction of the loop's full response (0.5 %). */
export const DEFAULT_LOOP_NOISE_FRACTION = 0.005;

/** ADC counts: a 12-bit converter at mid-scale with no vehicle, up by the amplitude under a vehicle. */
const BASELINE_COUNTS = 2048;
const AMPLITUDE_COUNTS = 1000;
const LOOP_LENGTH_M = 1.5;
const SAMPLES_BETWEEN_LOOPS = 800;
// Road before loop A and after loop B's rising edge that the window shows.
const LEAD_M = 0.5;
const TAIL_M = 1;

export interface LoopSignalOptions {
  speedKmh: number;
  /** Distance between the loops' leading edges. */
  loopDistanceM?: number;
  vehicleLengthM?: number;
  noiseFraction?: number;
  seed?: number;
  /** Samples between the two activations; the sample rate is chosen to give about this many (a meter decimates). */
  samplesBetweenLoops?: number;
  plateImageSha256?: string;
}

export interface SpeedPayload {
  loopDistanceM: number;
  sampleRateHz: number;
  loopA: number[];
  loopB: number[];
  plateImageSha256?: string;
}

/**
 * Two inductive loops' responses to a vehicle passing at `speedKmh`: each loop's response is proportional to the
 * length of vehicle over it (a trapezoid: linear rise while the front crosses the loop, plateau, fall), sampled
 * from the same instant, rounded to ADC counts, with Gaussian noise. The truth is v = d / Δt.
 */
export function synthesizeLoopSignals(options: Readonly<LoopSignalOptions>): SpeedPayload {
  const distance = options.loopDistanceM ?? 3;
  const vehicle = options.vehicleLengthM ?? 4.5;
  const speed = options.speedKmh / 3.6;
  const sampleRateHz = Math.round(
    ((options.samplesBetweenLoops ?? SAMPLES_BETWEEN_LOOPS) * speed) / distance,
  );
  const windowM = LEAD_M + distance + LOOP_LENGTH_M + TAIL_M;
  const samples = Math.ceil((windowM / speed) * sampleRateHz);
  const noise = gaussian(seededRandom(options.seed ?? 1));
  const sigma = (options.noiseFraction ?? DEFAULT_LOOP_NOISE_FRACTION) * AMPLITUDE_COUNTS;
  const loop = (start: number): number[] =>
    Array.from({ length: samples }, (_, n) => {
      const front = (n / sampleRateHz) * speed - LEAD_M;
      const covered = overlap(front - vehicle, front, start, start + LOOP_LENGTH_M);
      const clean = BASELINE_COUNTS + (AMPLITUDE_COUNTS * covered) / Math.min(LOOP_LENGTH_M, vehicle);
      return Math.round(clean + (sigma === 0 ? 0 : sigma * noise()));
    });
  return {
    loopDistanceM: distance,
    sampleRateHz,
    loopA: loop(0),
    loopB: loop(distance),
    ...(options.plateImageSha256 === undefined ? {} : { plateImageSha256: options.plateImageSha256 }),
  };
}

function overlap(from: number, to: number, start: number, end: number): number {
  return Math.max(0, Math.min(to, end) - Math.max(from, start));
}
