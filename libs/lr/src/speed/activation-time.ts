import {
  crossingOfLineFit,
  deviation,
  firstIndexAtOrAbove,
  maximum,
  mean,
  median,
} from './sample-statistics';

/** Leading samples that must show the idle loop: the first estimate of its level and noise. */
export const LEADING_SAMPLES = 8;
/** A response smaller than this many idle noise deviations (or ADC steps) is no vehicle. */
const MIN_SIGNAL_TO_NOISE = 10;
const MIN_AMPLITUDE = 4;
const EDGE_LOW = 0.1;
const EDGE_MID = 0.5;
const EDGE_HIGH = 0.9;

/** The loop's response with no vehicle and with a vehicle over it. */
interface Levels {
  idle: number;
  occupied: number;
}

/**
 * When a vehicle activated the loop, in samples from the first (fractional): the instant the rising edge crosses
 * half-way from the idle to the occupied level, each measured on this loop's own samples so the two loops may
 * differ in gain and offset.
 *
 * Why this way: a rough pass (idle level from the leading samples, occupied level from the maximum) finds the edge;
 * then the idle level is re-measured over every sample before the edge's foot and the occupied level as the median
 * of the samples near the top, because an error in the half-way level shifts the crossing by that error over the
 * slope. The edge between 10 % and 90 % is fitted with a least-squares line and the crossing taken on the line:
 * with noise this averages hundreds of samples instead of interpolating between the two around the crossing, and
 * on a clean straight or symmetric S-shaped edge it is exact. Undefined when the loop shows no vehicle entering it
 * after the leading samples.
 */
export function activationTime(samples: readonly number[]): number | undefined {
  const rough = roughLevels(samples);
  if (rough === undefined) {
    return undefined;
  }
  const roughEdge = risingEdge(samples, rough);
  if (roughEdge === undefined || roughEdge.from < LEADING_SAMPLES) {
    return undefined;
  }
  const levels = refinedLevels(samples, rough, roughEdge);
  const edge = risingEdge(samples, levels);
  if (edge === undefined) {
    return undefined;
  }
  const half = levelAt(levels, EDGE_MID);
  return crossingOfLineFit(samples, edge.from, edge.to, half) ?? interpolate(samples, edge.mid, half);
}

function levelAt(levels: Levels, fraction: number): number {
  return levels.idle + fraction * (levels.occupied - levels.idle);
}

/** Idle level and noise from the leading samples, occupied level from the maximum; undefined for no vehicle. */
function roughLevels(samples: readonly number[]): Levels | undefined {
  const idle = mean(samples, 0, LEADING_SAMPLES);
  const noise = deviation(samples, idle, 0, LEADING_SAMPLES);
  const occupied = maximum(samples);
  if (occupied - idle < Math.max(MIN_AMPLITUDE, MIN_SIGNAL_TO_NOISE * noise)) {
    return undefined;
  }
  return { idle, occupied };
}

/**
 * The first rising edge: `mid` is the first sample at or above half-way, and [from, to] the run of samples around
 * it between the 10 % and 90 % levels. Walking out from `mid` rather than searching from the start keeps a noise
 * spike in the idle samples from being taken for the edge's foot.
 */
function risingEdge(
  samples: readonly number[],
  levels: Levels,
): { from: number; mid: number; to: number } | undefined {
  const mid = firstIndexAtOrAbove(samples, levelAt(levels, EDGE_MID));
  if (mid < 1) {
    return undefined;
  }
  const low = levelAt(levels, EDGE_LOW);
  const high = levelAt(levels, EDGE_HIGH);
  let from = mid;
  while (from > 0 && (samples[from - 1] ?? low) >= low) {
    from -= 1;
  }
  let to = mid;
  while (to < samples.length - 1 && (samples[to + 1] ?? high) <= high) {
    to += 1;
  }
  return { from, mid, to };
}

/**
 * Re-measured levels. The rise from 0 % to 10 % takes at most as long as the rise from 10 % to 50 % on a straight
 * or S-shaped edge, so ending the idle samples that far before the 10 % point leaves the edge's foot out.
 */
function refinedLevels(
  samples: readonly number[],
  rough: Levels,
  edge: { from: number; mid: number },
): Levels {
  const quietEnd = Math.max(LEADING_SAMPLES, edge.from - (edge.mid - edge.from));
  const nearTop = levelAt(rough, EDGE_HIGH);
  return {
    idle: mean(samples, 0, quietEnd),
    occupied: median(samples.filter((value) => value >= nearTop)),
  };
}

/** Linear interpolation between the two samples around the crossing of `level` at `index`. */
function interpolate(samples: readonly number[], index: number, level: number): number {
  const before = samples[index - 1] ?? level;
  const after = samples[index] ?? level;
  return after === before ? index : index - 1 + (level - before) / (after - before);
}
