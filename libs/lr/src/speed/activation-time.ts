/** Leading samples taken as the loop's level with no vehicle. */
export const BASELINE_SAMPLES = 8;
/** A response smaller than this many baseline noise deviations (and ADC steps) is no vehicle. */
const MIN_SIGNAL_TO_NOISE = 10;
const MIN_AMPLITUDE = 4;
const EDGE_LOW = 0.1;
const EDGE_MID = 0.5;
const EDGE_HIGH = 0.9;

/**
 * When the vehicle activated the loop, in samples (fractional): the instant the rising edge crosses half of the
 * loop's response. The levels come from the samples before the edge (no vehicle) and the samples at the top of
 * the response (vehicle over the loop; their median, which the plateau dominates rather than the edges' tops), averaged, because an error in the half level shifts the crossing by that
 * error over the slope. The edge between 10 % and 90 % is fitted with a least-squares line and the crossing taken
 * on the line: with noise this is far more precise than interpolating between the two samples around the
 * crossing, and on a clean linear edge it is exact. Undefined when the loop saw no vehicle.
 */
export function activationTime(samples: readonly number[]): number | undefined {
  const rough = roughLevels(samples);
  if (rough === undefined) {
    return undefined;
  }
  const top = samples.filter((value) => value >= rough.at(EDGE_HIGH));
  const baseline = mean(samples.slice(0, Math.max(BASELINE_SAMPLES, quietEnd(samples, rough.at))));
  const level = (fraction: number): number => baseline + fraction * (median(top) - baseline);
  const mid = samples.findIndex((value) => value >= level(EDGE_MID));
  if (mid < 1) {
    return undefined;
  }
  let low = mid;
  while (low > 0 && (samples[low - 1] ?? 0) >= level(EDGE_LOW)) {
    low -= 1;
  }
  let high = mid;
  while (high < samples.length - 1 && (samples[high + 1] ?? 0) <= level(EDGE_HIGH)) {
    high += 1;
  }
  const fitted = crossingOfFit(samples, low, high, level(EDGE_MID));
  return fitted ?? interpolate(samples, mid, level(EDGE_MID));
}

/**
 * Where the samples before the edge end: the rise from 10 % to 50 % takes as long as four rises from 0 % to 10 %
 * on a linear edge, so stepping back half of it from the 10 % crossing leaves the edge's foot out with a margin.
 */
function quietEnd(samples: readonly number[], at: (fraction: number) => number): number {
  const low = samples.findIndex((value) => value >= at(EDGE_LOW));
  const mid = samples.findIndex((value) => value >= at(EDGE_MID));
  return Math.floor(low - (mid - low) / 2);
}

/** Levels from the leading samples and the maximum: enough to find the edge, or undefined for no vehicle. */
function roughLevels(samples: readonly number[]): { at: (fraction: number) => number } | undefined {
  const baseline = mean(samples.slice(0, BASELINE_SAMPLES));
  const noise = deviation(samples.slice(0, BASELINE_SAMPLES), baseline);
  const amplitude = Math.max(...samples) - baseline;
  if (amplitude < Math.max(MIN_AMPLITUDE, MIN_SIGNAL_TO_NOISE * noise)) {
    return undefined;
  }
  return { at: (fraction) => baseline + fraction * amplitude };
}

/** Where the least-squares line through samples[from..to] reaches `level`; undefined if it does not rise. */
function crossingOfFit(
  samples: readonly number[],
  from: number,
  to: number,
  level: number,
): number | undefined {
  const count = to - from + 1;
  if (count < 3) {
    return undefined;
  }
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let x = from; x <= to; x += 1) {
    const y = samples[x] ?? 0;
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }
  const slope = (count * sumXY - sumX * sumY) / (count * sumXX - sumX * sumX);
  if (!(slope > 0)) {
    return undefined;
  }
  const intercept = (sumY - slope * sumX) / count;
  return (level - intercept) / slope;
}

function interpolate(samples: readonly number[], index: number, level: number): number {
  const before = samples[index - 1] ?? 0;
  const after = samples[index] ?? 0;
  return index - 1 + (level - before) / (after - before);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function deviation(values: readonly number[], average: number): number {
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}
