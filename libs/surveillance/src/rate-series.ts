export interface RateSeriesSettings {
  /** Bucket length (ms). Default 60 000. */
  bucketMs: number;
  /** EWMA weight. Default 0.1. */
  lambda: number;
  /** Control limits at this many σ. Default 3. */
  sigmas: number;
  /** Buckets kept. Default 120. */
  keep: number;
}

export const DEFAULT_RATE_SERIES_SETTINGS: RateSeriesSettings = {
  bucketMs: 60_000,
  lambda: 0.1,
  sigmas: 3,
  keep: 120,
};

/** One bucket of the chart. */
export interface RatePoint {
  start: string;
  readings: number;
  failures: number;
  rate: number;
  ewma: number;
  /** Centre line: the long-run rate. */
  centre: number;
  upperLimit: number;
  lowerLimit: number;
}

/**
 * Per-bucket failure rate with its EWMA (z_t = λ·p_t + (1−λ)·z_{t−1}) and the EWMA chart's limits p̄ ± L·σ_t·√(λ/(2−λ)),
 * σ_t = √(p̄(1−p̄)/n_t), p̄ the rate over everything seen. For the dashboard's chart; alarms come from the CUSUMs.
 */
export class RateSeries {
  readonly #settings: RateSeriesSettings;
  readonly #buckets = new Map<number, { readings: number; failures: number }>();
  #readings = 0;
  #failures = 0;

  constructor(settings: Partial<RateSeriesSettings> = {}) {
    this.#settings = { ...DEFAULT_RATE_SERIES_SETTINGS, ...settings };
  }

  add(atMs: number, failure: boolean): void {
    const index = Math.floor(atMs / this.#settings.bucketMs);
    const bucket = this.#buckets.get(index) ?? { readings: 0, failures: 0 };
    this.#buckets.set(index, bucket);
    bucket.readings += 1;
    bucket.failures += failure ? 1 : 0;
    this.#readings += 1;
    this.#failures += failure ? 1 : 0;
    while (this.#buckets.size > this.#settings.keep) {
      const oldest = Math.min(...this.#buckets.keys());
      this.#buckets.delete(oldest);
    }
  }

  get overallRate(): number {
    return this.#readings === 0 ? 0 : this.#failures / this.#readings;
  }

  points(): RatePoint[] {
    const { bucketMs, lambda, sigmas } = this.#settings;
    const centre = this.overallRate;
    const width = sigmas * Math.sqrt(lambda / (2 - lambda));
    let ewma = centre;
    return [...this.#buckets]
      .sort(([a], [b]) => a - b)
      .map(([index, bucket]) => {
        const rate = bucket.failures / bucket.readings;
        ewma = lambda * rate + (1 - lambda) * ewma;
        const sigma = Math.sqrt((centre * (1 - centre)) / bucket.readings);
        return {
          start: new Date(index * bucketMs).toISOString(),
          readings: bucket.readings,
          failures: bucket.failures,
          rate,
          ewma,
          centre,
          upperLimit: centre + width * sigma,
          lowerLimit: Math.max(0, centre - width * sigma),
        };
      });
  }
}
