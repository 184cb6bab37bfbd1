import { setTimeout as delay } from 'node:timers/promises';
import {
  MeasurementApiPaths,
  type Reading,
  formatReadingId,
  ingestResponseSchema,
  readingDigestOf,
} from '@metrochain/contracts';
import type { BenchMeter } from '../pki/meters';
import type { BenchReadings } from '../pipeline/readings';
import type { Acknowledged } from './checker';

export interface SteadyLoadOptions {
  url: string;
  ratePerSecond: number;
  lanes: number;
  meters: readonly BenchMeter[];
  readings: BenchReadings;
}

/** How a lane's request ended when it was not a `202`. */
export interface LoadCounters {
  posts: number;
  acceptedPosts: number;
  /** Answers other than 202, by status (0: no answer), each followed by the same request again. */
  refusedByStatus: Record<string, number>;
  /** The longest any one batch waited from its first post to its `202`. */
  longestRetryMs: number;
  /**
   * Readings of batches given up at the stop because ingest still refused them after the grace period: never
   * acknowledged, so the checker does not expect them; a non-zero count means the pipeline no longer drained.
   */
  abandonedReadings: number;
}

const POSTS_PER_SECOND_PER_LANE = 4;
const RETRY_PAUSE_MS = 250;
const RETRY_AFTER_CAP_S = 30;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The fleet under test: lanes of meters posting signed batches at a steady rate. A lane sends a refused or
 * unanswered request again, unchanged (same readings, same ids), honouring `Retry-After`, until it is accepted, then
 * moves on: a meter's readings stay in order and none is given up. Every `202` is logged with its readings'
 * identities; that log is what the checker holds the ledger to.
 */
export class SteadyLoad {
  readonly acknowledged: Acknowledged[] = [];
  readonly counters: LoadCounters = {
    posts: 0,
    acceptedPosts: 0,
    refusedByStatus: {},
    longestRetryMs: 0,
    abandonedReadings: 0,
  };
  readonly #options: Readonly<SteadyLoadOptions>;
  #stopping = false;
  /** After the stop's grace period a refused batch is given up rather than sent again. */
  #giveUpAt = Number.POSITIVE_INFINITY;
  #lanes: Promise<void>[] = [];

  constructor(options: Readonly<SteadyLoadOptions>) {
    this.#options = options;
  }

  start(): void {
    const { lanes } = this.#options;
    this.#lanes = Array.from({ length: lanes }, (_, index) => this.#lane(index));
  }

  /**
   * Stops posting new batches; waits until every batch already made is accepted, or for `graceMs`: a pipeline that
   * stopped draining refuses for ever, and a run must end with a verdict rather than hang.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    this.#giveUpAt = performance.now() + graceMs;
    await Promise.all(this.#lanes);
  }

  async #lane(index: number): Promise<void> {
    const { lanes, ratePerSecond } = this.#options;
    const meters = this.#options.meters.filter((_, i) => i % lanes === index);
    const perLane = ratePerSecond / lanes;
    const postSize = Math.max(1, Math.round(perLane / POSTS_PER_SECOND_PER_LANE));
    const intervalMs = (postSize / perLane) * 1000;
    let due = performance.now() + (intervalMs * index) / lanes;
    for (let round = 0; !this.#stopping; round += 1) {
      const batch = Array.from({ length: postSize }, (_, i) => {
        const meter = meters[(round * postSize + i) % meters.length] as BenchMeter;
        return this.#options.readings.make(meter, this.#options.readings.nextSeq(meter.id));
      });
      await this.#postUntilAccepted(batch);
      due += intervalMs;
      const wait = due - performance.now();
      if (wait > 0) {
        await delay(wait);
      } else {
        due = performance.now();
      }
    }
  }

  async #postUntilAccepted(readings: readonly Reading[]): Promise<void> {
    const body = JSON.stringify({ readings });
    const first = performance.now();
    for (;;) {
      const retryAfterS = await this.#post(body, readings);
      if (retryAfterS === undefined) {
        this.counters.longestRetryMs = Math.max(this.counters.longestRetryMs, performance.now() - first);
        return;
      }
      if (performance.now() >= this.#giveUpAt) {
        this.counters.abandonedReadings += readings.length;
        return;
      }
      await delay(retryAfterS > 0 ? Math.min(retryAfterS, RETRY_AFTER_CAP_S) * 1000 : RETRY_PAUSE_MS);
    }
  }

  /** Undefined when accepted; otherwise the seconds the answer asked to wait (0: none asked). */
  async #post(body: string, readings: readonly Reading[]): Promise<number | undefined> {
    this.counters.posts += 1;
    let status = 0;
    let retryAfter = 0;
    try {
      const response = await fetch(`${this.#options.url}${MeasurementApiPaths.ingestBatch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      retryAfter = Number(response.headers.get('retry-after') ?? 0) || 0;
      const answer: unknown = await response.json().catch(() => undefined);
      if (status === 202) {
        this.#log(
          readings,
          ingestResponseSchema.parse(answer).accepted.map((a) => a.readingId),
        );
        return undefined;
      }
    } catch {
      // No answer (connection refused, reset, timeout): whether it was accepted is unknown, so send it again.
    }
    const key = String(status);
    this.counters.refusedByStatus[key] = (this.counters.refusedByStatus[key] ?? 0) + 1;
    return retryAfter;
  }

  #log(readings: readonly Reading[], ids: readonly string[]): void {
    this.counters.acceptedPosts += 1;
    const acceptedAt = Date.now();
    readings.forEach((reading, i) => {
      const readingDigest = readingDigestOf(reading);
      if (ids[i] !== formatReadingId(reading.meterId, reading.seq, readingDigest)) {
        throw new Error(`ingest answered id ${String(ids[i])} for ${reading.meterId}/${String(reading.seq)}`);
      }
      this.acknowledged.push({ meterId: reading.meterId, seq: reading.seq, readingDigest, acceptedAt });
    });
  }
}
