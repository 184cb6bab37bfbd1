import { gaussian, seededRandom } from './prng';

/**
 * The simulator's noise on loop signals: Gaussian, this fraction of the loop's full response (0.5 %, i.e. 5 ADC
 * counts RMS on a 1,000-count response).
 */
export const DEFAULT_LOOP_NOISE_FRACTION = 0.005;
/** Samples between the two activations that the chosen sample rate aims for. */
export const DEFAULT_SAMPLES_BETWEEN_LOOPS = 500;
/** Most samples per loop the synthesizer emits; fewer samples between the loops are taken to stay within it. */
export const MAX_SYNTHETIC_LOOP_SAMPLES = 4096;

/** ADC counts: a 12-bit converter at mid-scale with no vehicle, up by the amplitude under a vehicle. */
const BASELINE_COUNTS = 2048;
const AMPLITUDE_COUNTS = 1000;
const LOOP_LENGTH_M = 1.5;
// Road before loop A and after loop B that the window shows: idle samples first, loop B's plateau last.
const LEAD_M = 0.5;
const TAIL_M = 1;
// The sample rates a speed payload may carry.
const MIN_SAMPLE_RATE_HZ = 100;
const MAX_SAMPLE_RATE_HZ = 200_000;
const KMH_PER_MS = 3.6;

export interface LoopSignalOptions {
  speedKmh: number;
  /** Distance between the loops' leading edges, metres (default 3). */
  loopDistanceM?: number;
  /** Default 4.5 m, a car. */
  vehicleLengthM?: number;
  /** Gaussian noise as a fraction of the full response; default DEFAULT_LOOP_NOISE_FRACTION, 0 for clean signals. */
  noiseFraction?: number;
  seed?: number;
  /** Samples between the two activations the sample rate aims for (a meter decimates to its needs). */
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
 * Two inductive loops' responses to a vehicle passing at `speedKmh`, sampled from the same instant and rounded to
 * ADC counts, with Gaussian noise: idle level, a smooth rise while the vehicle's front crosses the loop, a plateau,
 * and a fall once its rear enters the loop. The sample rate is an integer chosen so that the activations lie about
 * `samplesBetweenLoops` samples apart and each loop has at most MAX_SYNTHETIC_LOOP_SAMPLES samples. The truth is
 * the speed asked for: v = loopDistanceM / Δt.
 */
export function synthesizeLoopSignals(options: Readonly<LoopSignalOptions>): SpeedPayload {
  const distance = options.loopDistanceM ?? 3;
  const vehicle = options.vehicleLengthM ?? 4.5;
  const speedMs = options.speedKmh / KMH_PER_MS;
  if (!(speedMs > 0 && distance > 0 && vehicle > 0)) {
    throw new RangeError('speed, loop distance and vehicle length must be positive');
  }
  const windowM = LEAD_M + distance + LOOP_LENGTH_M + TAIL_M;
  const sampleRateHz = chooseSampleRate(speedMs, distance, windowM, options.samplesBetweenLoops);
  const count = Math.ceil((windowM / speedMs) * sampleRateHz);
  const noise = gaussian(seededRandom(options.seed ?? 1));
  const sigma = (options.noiseFraction ?? DEFAULT_LOOP_NOISE_FRACTION) * AMPLITUDE_COUNTS;
  const loop = (startM: number): number[] =>
    Array.from({ length: count }, (_, n) => {
      const frontM = (n / sampleRateHz) * speedMs - LEAD_M;
      const clean = BASELINE_COUNTS + AMPLITUDE_COUNTS * loopResponse(frontM, vehicle, startM);
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

/** Fewer samples between the loops than asked when the whole window would not fit the per-loop budget. */
function chooseSampleRate(
  speedMs: number,
  distanceM: number,
  windowM: number,
  wanted = DEFAULT_SAMPLES_BETWEEN_LOOPS,
): number {
  const between = Math.min(wanted, Math.floor((MAX_SYNTHETIC_LOOP_SAMPLES * distanceM) / windowM));
  // Rounding down keeps the window within the budget.
  const rate = Math.floor((between * speedMs) / distanceM);
  return Math.min(MAX_SAMPLE_RATE_HZ, Math.max(MIN_SAMPLE_RATE_HZ, rate));
}

/**
 * Response of the loop starting at `startM` (0 idle, 1 fully occupied) when the vehicle's front is at `frontM`:
 * the share of the loop (or of a vehicle shorter than the loop) covered, through a smoothstep, because a loop's
 * field fades at its wires rather than ending there, so a real signature rises as an S rather than a ramp.
 */
function loopResponse(frontM: number, vehicleM: number, startM: number): number {
  const covered = overlap(frontM - vehicleM, frontM, startM, startM + LOOP_LENGTH_M);
  const share = covered / Math.min(LOOP_LENGTH_M, vehicleM);
  return share * share * (3 - 2 * share);
}

function overlap(from: number, to: number, start: number, end: number): number {
  return Math.max(0, Math.min(to, end) - Math.max(from, start));
}
