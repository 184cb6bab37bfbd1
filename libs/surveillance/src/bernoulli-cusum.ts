/** Settings of a Bernoulli CUSUM: in-control failure probability, the shift to detect, and the decision limit. */
export interface BernoulliCusumSettings {
  /** In-control probability of a failure (floored at 1e-4). */
  p0: number;
  /** Out-of-control probability to detect; default 10·p0. */
  p1?: number;
  /** Decision limit on S. */
  h: number;
}

/**
 * Bernoulli CUSUM (Reynolds & Stoumbos 1999): S_t = max(0, S_{t−1} + x_t·ln(p1/p0) + (1−x_t)·ln((1−p1)/(1−p0))),
 * alarm when S_t ≥ h, then S restarts at 0. Optimal (in Lorden's sense) for a step from p0 to p1.
 */
export class BernoulliCusum {
  readonly p0: number;
  readonly p1: number;
  readonly h: number;
  #s = 0;
  #failureStep: number;
  #successStep: number;
  /** Observations and failures since the last restart. */
  #observations = 0;
  #failures = 0;

  constructor(settings: BernoulliCusumSettings) {
    this.p0 = Math.max(settings.p0, 1e-4);
    this.p1 = settings.p1 ?? Math.min(0.5, 10 * this.p0);
    this.h = settings.h;
    this.#failureStep = Math.log(this.p1 / this.p0);
    this.#successStep = Math.log((1 - this.p1) / (1 - this.p0));
  }

  get statistic(): number {
    return this.#s;
  }

  /** Adds one observation (1 = failure); the alarm's figures when S reaches h, then restarts. */
  update(failure: boolean): { statistic: number; observations: number; failures: number } | undefined {
    this.#s = Math.max(0, this.#s + (failure ? this.#failureStep : this.#successStep));
    this.#observations += 1;
    this.#failures += failure ? 1 : 0;
    if (this.#s === 0) {
      this.#observations = 0;
      this.#failures = 0;
    }
    if (this.#s < this.h) {
      return undefined;
    }
    const alarm = { statistic: this.#s, observations: this.#observations, failures: this.#failures };
    this.#s = 0;
    this.#observations = 0;
    this.#failures = 0;
    return alarm;
  }
}
