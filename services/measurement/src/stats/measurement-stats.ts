import type { MeasurementStatsResponse, MeasurementsRecordedV1 } from '@metrochain/contracts';
import { SlidingWindowCounter } from './sliding-window-counter';

export type StatsCounter = 'accepted' | 'verified' | 'recorded' | 'rejected';

export const STATS_WINDOW_S = 10;
export const LATEST_RECORDED = 20;

const COUNTERS: readonly StatsCounter[] = ['accepted', 'verified', 'recorded', 'rejected'];

/** Sees every count as it happens, with the reasons of rejections when the caller names them (the /metrics counters). */
export type StatsObserver = (counter: StatsCounter, count: number, reasons?: readonly string[]) => void;

export interface MeasurementStatsOptions {
  observer?: StatsObserver;
  windowS?: number;
  latest?: number;
  now?: () => number;
}

/**
 * What this instance saw since it started: readings accepted by ingest, taken in by the recorder as verified,
 * recorded on the ledger (not counting duplicates), and rejected (by verification as seen by the rejection
 * consumer, or by the ledger in this recorder). Counting is O(1) per event; the latest records sit in a ring.
 */
export class MeasurementStats {
  readonly #since: string;
  readonly #totals: Record<StatsCounter, number> = { accepted: 0, verified: 0, recorded: 0, rejected: 0 };
  readonly #rates: Record<StatsCounter, SlidingWindowCounter>;
  readonly #latest: (MeasurementsRecordedV1 | undefined)[];
  readonly #observer: StatsObserver | undefined;
  #next = 0;

  constructor(options: Readonly<MeasurementStatsOptions> = {}) {
    const now = options.now ?? Date.now;
    const windowS = options.windowS ?? STATS_WINDOW_S;
    this.#since = new Date(now()).toISOString();
    this.#rates = {
      accepted: new SlidingWindowCounter(windowS, now),
      verified: new SlidingWindowCounter(windowS, now),
      recorded: new SlidingWindowCounter(windowS, now),
      rejected: new SlidingWindowCounter(windowS, now),
    };
    this.#latest = new Array<MeasurementsRecordedV1 | undefined>(options.latest ?? LATEST_RECORDED);
    this.#observer = options.observer;
  }

  /** `reasons`: of a rejection, the reason of each reading counted (then `count` is their number). */
  count(counter: StatsCounter, count = 1, reasons?: readonly string[]): void {
    if (count > 0) {
      this.#totals[counter] += count;
      this.#rates[counter].add(count);
      this.#observer?.(counter, count, reasons);
    }
  }

  /** Counts the measurements as recorded and keeps them as the latest. */
  recorded(measurements: readonly MeasurementsRecordedV1[]): void {
    this.count('recorded', measurements.length);
    for (const measurement of measurements) {
      this.#latest[this.#next] = measurement;
      this.#next = (this.#next + 1) % this.#latest.length;
    }
  }

  snapshot(): MeasurementStatsResponse {
    const size = this.#latest.length;
    const latest: MeasurementsRecordedV1[] = [];
    for (let back = 1; back <= size; back += 1) {
      const measurement = this.#latest[(this.#next - back + size) % size];
      if (measurement !== undefined) {
        latest.push(measurement);
      }
    }
    return {
      since: this.#since,
      windowS: this.#rates.accepted.windowS,
      totals: { ...this.#totals },
      perSecond: Object.fromEntries(
        COUNTERS.map((counter) => [counter, this.#rates[counter].perSecond()]),
      ) as Record<StatsCounter, number>,
      latest,
    };
  }
}
