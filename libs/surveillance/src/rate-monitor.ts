import type { Alarm } from './alarm';
import { BernoulliCusum } from './bernoulli-cusum';

export interface RateSettings {
  /** In-control probability of a signature failure per reading. Default 1e-3. */
  signatureP0: number;
  /** In-control probability of any rejection per reading. Default 2e-3. */
  rejectionP0: number;
  /** Decision limit (ARL0 ≥ 10^6 readings at p0 = 2e-3, p1 = 10·p0, by simulation). Default 10. */
  h: number;
}

export const DEFAULT_RATE_SETTINGS: RateSettings = { signatureP0: 1e-3, rejectionP0: 2e-3, h: 10 };

/** What happened to one reading. */
export interface ReadingOutcome {
  seq: number;
  /** Undefined: recorded. */
  rejection: string | undefined;
}

const SIGNATURE_REASONS = new Set(['SIGNATURE_INVALID', 'SIGNATURE_MALFORMED']);

/** Bernoulli CUSUMs on signature failures and on all rejections, for one meter or (meterId undefined) the fleet. */
export class RateMonitor {
  readonly meterId: string | undefined;
  readonly #signature: BernoulliCusum;
  readonly #rejection: BernoulliCusum;
  readonly #recent: ReadingOutcome[] = [];
  readings = 0;
  signatureFailures = 0;
  rejections = 0;

  constructor(meterId: string | undefined, settings: Partial<RateSettings> = {}) {
    const { signatureP0, rejectionP0, h } = { ...DEFAULT_RATE_SETTINGS, ...settings };
    this.meterId = meterId;
    this.#signature = new BernoulliCusum({ p0: signatureP0, h });
    this.#rejection = new BernoulliCusum({ p0: rejectionP0, h });
  }

  get signatureStatistic(): number {
    return this.#signature.statistic;
  }

  get rejectionStatistic(): number {
    return this.#rejection.statistic;
  }

  add(outcome: ReadingOutcome): Alarm[] {
    const signatureFailure = outcome.rejection !== undefined && SIGNATURE_REASONS.has(outcome.rejection);
    this.readings += 1;
    this.signatureFailures += signatureFailure ? 1 : 0;
    this.rejections += outcome.rejection === undefined ? 0 : 1;
    this.#recent.push(outcome);
    if (this.#recent.length > 50) {
      this.#recent.shift();
    }
    const alarms: Alarm[] = [];
    const signature = this.#signature.update(signatureFailure);
    if (signature !== undefined) {
      alarms.push(this.#alarm('signature', this.#signature, signature));
    }
    // A signature burst is one finding: the rejection CUSUM sees the same readings, so it speaks only for other reasons.
    const rejection = this.#rejection.update(outcome.rejection !== undefined);
    if (
      rejection !== undefined &&
      signature === undefined &&
      this.#signature.statistic < this.#signature.h / 2
    ) {
      alarms.push(this.#alarm('rejection', this.#rejection, rejection));
    }
    return alarms;
  }

  #alarm(
    kind: 'signature' | 'rejection',
    cusum: BernoulliCusum,
    figures: { statistic: number; observations: number; failures: number },
  ): Alarm {
    const who = this.meterId ?? 'the fleet';
    const what = kind === 'signature' ? 'signature failures' : 'rejections';
    const recent = this.#recent.filter((outcome) => outcome.rejection !== undefined);
    return {
      meterId: this.meterId,
      category: 'rate-anomaly',
      severity: kind === 'signature' ? 'critical' : 'warning',
      summary: `${who}: ${String(figures.failures)} ${what} in ${String(figures.observations)} readings (Bernoulli CUSUM ${figures.statistic.toFixed(1)} ≥ ${String(cusum.h)}, p0 ${String(cusum.p0)})`,
      dedupeKey: `rate:${kind}`,
      evidence: {
        kind,
        ...figures,
        h: cusum.h,
        p0: cusum.p0,
        p1: cusum.p1,
        recentRejections: recent
          .slice(-10)
          .map((outcome) => ({ seq: outcome.seq, reason: outcome.rejection })),
      },
    };
  }
}
