/** Small statistics over sample arrays, each summed in index order so the result is bit-for-bit reproducible. */

export function mean(values: readonly number[], from = 0, to = values.length): number {
  let sum = 0;
  for (let index = from; index < to; index += 1) {
    sum += values[index] ?? 0;
  }
  return sum / (to - from);
}

/** Population standard deviation of values[from..to) around `average`. */
export function deviation(values: readonly number[], average: number, from = 0, to = values.length): number {
  let sum = 0;
  for (let index = from; index < to; index += 1) {
    sum += ((values[index] ?? 0) - average) ** 2;
  }
  return Math.sqrt(sum / (to - from));
}

export function maximum(values: readonly number[]): number {
  let largest = -Infinity;
  for (const value of values) {
    largest = Math.max(largest, value);
  }
  return largest;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Index of the first value at or above `level`, or -1. */
export function firstIndexAtOrAbove(values: readonly number[], level: number): number {
  return values.findIndex((value) => value >= level);
}

/**
 * Where the least-squares line through (x, values[x]) for x in [from, to] reaches `level`; undefined for fewer than
 * three points or a line that does not rise.
 */
export function crossingOfLineFit(
  values: readonly number[],
  from: number,
  to: number,
  level: number,
): number | undefined {
  const count = to - from + 1;
  if (count < 3) {
    return undefined;
  }
  // Centred abscissae keep the sums small, so rounding does not eat the slope on long windows.
  const centre = (from + to) / 2;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let index = from; index <= to; index += 1) {
    const x = index - centre;
    const y = values[index] ?? 0;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }
  const slope = sumXY / sumXX;
  if (!(slope > 0)) {
    return undefined;
  }
  return centre + (level - sumY / count) / slope;
}
