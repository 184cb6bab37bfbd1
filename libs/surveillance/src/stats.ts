/** Small robust statistics shared by the detectors. */

/** Median of the values (NaN for none); does not change its argument. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Median absolute deviation scaled to estimate σ of a normal sample (×1.4826). */
export function robustSigma(values: readonly number[]): number {
  const centre = median(values);
  return 1.4826 * median(values.map((value) => Math.abs(value - centre)));
}

/** Theil–Sen line through (x, y): slope = median of pairwise slopes, intercept = median of y − slope·x. */
export function theilSen(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) {
      const dx = (xs[j] ?? 0) - (xs[i] ?? 0);
      if (dx !== 0) {
        slopes.push(((ys[j] ?? 0) - (ys[i] ?? 0)) / dx);
      }
    }
  }
  const slope = slopes.length === 0 ? 0 : median(slopes);
  const intercept = median(ys.map((y, index) => y - slope * (xs[index] ?? 0)));
  return { slope, intercept };
}

/** Shannon entropy in bits of the values' empirical distribution. */
export function entropyBits(values: readonly (number | string)[]): number {
  const counts = new Map<number | string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / values.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The smallest n with P(N > n) < tail for N ~ Poisson(mean). */
export function poissonUpperQuantile(mean: number, tail: number): number {
  if (mean > 500) {
    // exp(−mean) underflows; the normal approximation is close enough this far out (z = 5 ≈ a tail of 3e-7).
    return Math.ceil(mean + 5 * Math.sqrt(mean));
  }
  let term = Math.exp(-mean);
  let cdf = term;
  let n = 0;
  // Beyond mean + 50·√mean + 50 the tail is far below any tail we use.
  const limit = mean + 50 * Math.sqrt(mean) + 50;
  while (1 - cdf >= tail && n < limit) {
    n += 1;
    term *= mean / n;
    cdf += term;
  }
  return n;
}
