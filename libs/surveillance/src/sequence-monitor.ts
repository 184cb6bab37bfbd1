import type { Alarm } from './alarm';
import { poissonUpperQuantile } from './stats';

export interface SequenceSettings {
  /** A seq still missing this long after a later one arrived is a gap (ms). Default 60 000. */
  graceMs: number;
  /** Burst window on measuredAt (ms). Default 10 000. */
  burstWindowMs: number;
  /** Burst when a window holds more readings than this upper tail of Poisson(expected) allows. Default 1e-6. */
  burstTail: number;
  /** EWMA weight on inter-arrival times (measuredAt). Default 0.05. */
  lambda: number;
  /** Readings before the rate estimate is trusted. Default 50. */
  warmUp: number;
}

export const DEFAULT_SEQUENCE_SETTINGS: SequenceSettings = {
  graceMs: 60_000,
  burstWindowMs: 10_000,
  burstTail: 1e-6,
  lambda: 0.05,
  warmUp: 50,
};

interface PendingGap {
  from: number;
  to: number;
  /** Receipt time of the seq after the gap. */
  noticedAtMs: number;
}

/** A meter's stream of seqs as seen on readings.received.v1 (one meter is one partition key: order holds). */
export class SequenceMonitor {
  readonly meterId: string;
  readonly #settings: SequenceSettings;
  #highest: number | undefined;
  #gaps: PendingGap[] = [];
  #meanInterArrivalMs: number | undefined;
  #lastMeasuredMs: number | undefined;
  #seen = 0;
  #windowStartMs = 0;
  #windowCount = 0;
  #windowFirstSeq = 0;
  #windowMeanMs: number | undefined;
  #windowAlarmed = false;

  constructor(meterId: string, settings: Partial<SequenceSettings> = {}) {
    this.meterId = meterId;
    this.#settings = { ...DEFAULT_SEQUENCE_SETTINGS, ...settings };
  }

  get highestSeq(): number | undefined {
    return this.#highest;
  }

  get missing(): number {
    return this.#gaps.reduce((sum, gap) => sum + gap.to - gap.from + 1, 0);
  }

  /** Readings per second estimated from measuredAt spacing (undefined before two readings). */
  get ratePerS(): number | undefined {
    return this.#meanInterArrivalMs === undefined
      ? undefined
      : 1000 / Math.max(this.#meanInterArrivalMs, 1e-3);
  }

  /** One reading; returns a burst alarm when its window overflows. */
  add(seq: number, measuredAtMs: number, receivedAtMs: number): Alarm | undefined {
    this.#seen += 1;
    this.#trackSeq(seq, receivedAtMs);
    return this.#trackRate(seq, measuredAtMs);
  }

  /** Gaps whose grace has passed at `nowMs`: one alarm per missing range, then forgotten. */
  overdueGaps(nowMs: number): Alarm[] {
    const due = this.#gaps.filter((gap) => nowMs - gap.noticedAtMs >= this.#settings.graceMs);
    this.#gaps = this.#gaps.filter((gap) => nowMs - gap.noticedAtMs < this.#settings.graceMs);
    return due.map((gap) => ({
      meterId: this.meterId,
      category: 'seq-anomaly',
      severity: 'warning',
      summary: `${this.meterId}: seq ${String(gap.from)}..${String(gap.to)} never arrived (${String(gap.to - gap.from + 1)} readings)`,
      dedupeKey: `gap:${String(gap.from)}-${String(gap.to)}`,
      evidence: {
        kind: 'gap',
        missingFrom: gap.from,
        missingTo: gap.to,
        missingCount: gap.to - gap.from + 1,
        noticedAt: new Date(gap.noticedAtMs).toISOString(),
        graceMs: this.#settings.graceMs,
      },
    }));
  }

  #trackSeq(seq: number, receivedAtMs: number): void {
    if (this.#highest === undefined) {
      this.#highest = seq;
      return;
    }
    if (seq > this.#highest + 1) {
      this.#gaps.push({ from: this.#highest + 1, to: seq - 1, noticedAtMs: receivedAtMs });
    }
    if (seq > this.#highest) {
      this.#highest = seq;
      return;
    }
    // Late or repeated: fill the gap it falls in (a repeat falls in none).
    this.#gaps = this.#gaps.flatMap((gap) => {
      if (seq < gap.from || seq > gap.to) {
        return [gap];
      }
      const parts: PendingGap[] = [];
      if (seq > gap.from) {
        parts.push({ ...gap, to: seq - 1 });
      }
      if (seq < gap.to) {
        parts.push({ ...gap, from: seq + 1 });
      }
      return parts;
    });
  }

  #trackRate(seq: number, measuredAtMs: number): Alarm | undefined {
    const settings = this.#settings;
    if (this.#lastMeasuredMs !== undefined && measuredAtMs >= this.#lastMeasuredMs) {
      const gapMs = measuredAtMs - this.#lastMeasuredMs;
      this.#meanInterArrivalMs =
        this.#meanInterArrivalMs === undefined
          ? gapMs
          : settings.lambda * gapMs + (1 - settings.lambda) * this.#meanInterArrivalMs;
    }
    this.#lastMeasuredMs = measuredAtMs;
    if (measuredAtMs >= this.#windowStartMs + settings.burstWindowMs || measuredAtMs < this.#windowStartMs) {
      this.#windowStartMs = measuredAtMs;
      this.#windowCount = 0;
      this.#windowFirstSeq = seq;
      // The rate is judged by the estimate from before the window, which its own readings cannot pull.
      this.#windowMeanMs = this.#meanInterArrivalMs;
      this.#windowAlarmed = false;
    }
    this.#windowCount += 1;
    const mean = this.#windowMeanMs;
    if (this.#seen < settings.warmUp || mean === undefined || this.#windowAlarmed) {
      return undefined;
    }
    const expected = settings.burstWindowMs / Math.max(mean, 1);
    const limit = poissonUpperQuantile(expected, settings.burstTail);
    if (this.#windowCount <= limit) {
      return undefined;
    }
    const alarm: Alarm = {
      meterId: this.meterId,
      category: 'seq-anomaly',
      severity: 'warning',
      summary: `${this.meterId}: ${String(this.#windowCount)} readings within ${String(settings.burstWindowMs)} ms (expected ${expected.toFixed(1)}, limit ${String(limit)})`,
      dedupeKey: `burst:${String(this.#windowFirstSeq)}`,
      evidence: {
        kind: 'burst',
        seqFrom: this.#windowFirstSeq,
        seqTo: seq,
        count: this.#windowCount,
        windowStart: new Date(this.#windowStartMs).toISOString(),
        windowMs: settings.burstWindowMs,
        expected,
        limit,
        tail: settings.burstTail,
      },
    };
    this.#windowAlarmed = true;
    return alarm;
  }
}
