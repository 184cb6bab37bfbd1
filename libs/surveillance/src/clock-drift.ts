import type { Alarm } from './alarm';
import { theilSen } from './stats';

export interface ClockSettings {
  /** Window of the lower envelope, on receipt time (ms). Default 60 000. */
  windowMs: number;
  /** Window minima kept for the fit. Default 60. */
  keep: number;
  /** Minima needed before the offset is judged. Default 5. */
  minPoints: number;
  /** Minima needed before the drift is judged. Default 30. */
  minDriftPoints: number;
  /** |offset| above this alarms (ms). Default 2000. */
  maxOffsetMs: number;
  /** |drift| above this alarms (ppm). Default 50. */
  maxDriftPpm: number;
  /** measuredAt this far after receipt (ms) counts as from the future. Default 1000. */
  futureToleranceMs: number;
  /** Readings from the future that alarm. Default 3. */
  futureCount: number;
}

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  windowMs: 60_000,
  keep: 60,
  minPoints: 5,
  minDriftPoints: 30,
  maxOffsetMs: 2000,
  maxDriftPpm: 50,
  futureToleranceMs: 1000,
  futureCount: 3,
};

export interface ClockEstimate {
  /** Meter clock minus receipt clock now, ms (positive: the meter is ahead). */
  offsetMs: number;
  /** Rate of the meter clock against the receipt clock, ppm (positive: runs fast). */
  driftPpm: number;
  points: number;
}

/**
 * A meter's clock against the ingest clock. o = receivedAt − measuredAt = delay (≥ 0) − offset(t); its per-window
 * minimum is the lower envelope, where the delay is near its floor. A Theil–Sen line through the last minima gives
 * offset and drift, robust to a few windows whose minimum still holds queueing delay.
 */
export class ClockMonitor {
  readonly meterId: string;
  readonly #settings: ClockSettings;
  readonly #times: number[] = [];
  readonly #minima: number[] = [];
  #window: { index: number; min: number; at: number } | undefined;
  #future: number[] = [];

  constructor(meterId: string, settings: Partial<ClockSettings> = {}) {
    this.meterId = meterId;
    this.#settings = { ...DEFAULT_CLOCK_SETTINGS, ...settings };
  }

  add(seq: number, measuredAtMs: number, receivedAtMs: number): Alarm[] {
    const settings = this.#settings;
    const observed = receivedAtMs - measuredAtMs;
    const alarms: Alarm[] = [];
    // Only the first `futureCount` seqs are reported, so the list stops there (it grew by one per reading of a meter
    // whose clock runs ahead, for as long as it posts).
    if (-observed > settings.futureToleranceMs && this.#future.length < settings.futureCount) {
      this.#future.push(seq);
      if (this.#future.length === settings.futureCount) {
        alarms.push(
          this.#alarm('future', { seqs: [...this.#future], toleranceMs: settings.futureToleranceMs }),
        );
      }
    }
    const index = Math.floor(receivedAtMs / settings.windowMs);
    if (this.#window !== undefined && index !== this.#window.index) {
      this.#push(this.#window.at, this.#window.min);
      this.#window = undefined;
      alarms.push(...this.#judge());
    }
    if (this.#window === undefined || observed < this.#window.min) {
      this.#window = { index, min: observed, at: receivedAtMs };
    }
    return alarms;
  }

  estimate(): ClockEstimate | undefined {
    if (this.#times.length < 2) {
      return undefined;
    }
    const { slope, intercept } = theilSen(this.#times, this.#minima);
    const now = this.#times.at(-1) ?? 0;
    // o = delay − offset(t) ⇒ offset(t) ≈ −(intercept + slope·t), drift = −slope.
    return { offsetMs: -(intercept + slope * now), driftPpm: -slope * 1e6, points: this.#times.length };
  }

  #push(at: number, minimum: number): void {
    this.#times.push(at);
    this.#minima.push(minimum);
    if (this.#times.length > this.#settings.keep) {
      this.#times.shift();
      this.#minima.shift();
    }
  }

  #judge(): Alarm[] {
    const settings = this.#settings;
    const estimate = this.estimate();
    if (estimate === undefined || estimate.points < settings.minPoints) {
      return [];
    }
    const alarms: Alarm[] = [];
    if (Math.abs(estimate.offsetMs) > settings.maxOffsetMs) {
      alarms.push(this.#alarm('offset', { ...estimate, thresholdMs: settings.maxOffsetMs }));
    }
    if (estimate.points >= settings.minDriftPoints && Math.abs(estimate.driftPpm) > settings.maxDriftPpm) {
      alarms.push(this.#alarm('drift', { ...estimate, thresholdPpm: settings.maxDriftPpm }));
    }
    return alarms;
  }

  #alarm(kind: 'offset' | 'drift' | 'future', figures: Record<string, unknown>): Alarm {
    const summary =
      kind === 'future'
        ? `${this.meterId}: ${String(this.#settings.futureCount)} readings measured after they were received`
        : `${this.meterId}: clock ${kind === 'offset' ? 'offset' : 'drift'} ${String(Math.round(Number(figures[kind === 'offset' ? 'offsetMs' : 'driftPpm'])))} ${kind === 'offset' ? 'ms' : 'ppm'} against the ingest clock`;
    return {
      meterId: this.meterId,
      category: 'clock-drift',
      severity: 'warning',
      summary,
      dedupeKey: `clock:${kind}`,
      evidence: {
        kind,
        ...figures,
        windowMs: this.#settings.windowMs,
        recentMinimaMs: this.#minima.slice(-10),
      },
    };
  }
}
