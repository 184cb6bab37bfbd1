import { setTimeout as delay } from 'node:timers/promises';
import { MeasurementApiPaths, type Reading } from '@metrochain/contracts';
import type { BenchMeter } from '../pki/meters';
import { Latencies } from './latency';
import type { RecordedWatch } from './recorded-watch';

export interface LoadStepOptions {
  url: string;
  ratePerSecond: number;
  durationMs: number;
  /** Posting loops; each owns a share of the meters and has one request in flight, so a meter's readings stay in order. */
  lanes: number;
  /** Readings per request at most; lower rates send fewer, so that each lane posts about four times a second. */
  postSize: number;
  meters: readonly BenchMeter[];
  nextSeq: (meterId: string) => number;
  makeReading: (meter: BenchMeter, seq: number) => Reading;
  watch: RecordedWatch;
  /** How long after the step to wait for its readings to be recorded. */
  drainMs: number;
}

export interface LoadStepResult {
  offeredPerSecond: number;
  accepted: number;
  refusedRequests: number;
  /**
   * Sustained end-to-end rate: the step's readings recorded (as `measurements.recorded.v1` shows) per second between
   * the step's first and last event. Equals the offered rate while the pipeline keeps up (the latency shifts both
   * ends alike); when it does not, the backlog stretches the span and this is the pipeline's capacity.
   */
  recordedPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  commitP50Ms: number;
  commitP99Ms: number;
  /** Accepted readings not recorded when the drain time ran out. */
  unrecorded: number;
  rejected: number;
}

/**
 * How often a lane posts while the post size allows. A lane waits for each answer before its next post (a meter's
 * readings stay in order), so the offered rate holds only while an answer takes less than 1 / this: at ten posts a
 * second the ramp measured the ack latency's limit on the load generator rather than the pipeline's capacity.
 */
const POSTS_PER_SECOND_PER_LANE = 4;

/** Offers `ratePerSecond` readings for `durationMs`, then waits for them to be recorded; measures both ends. */
export async function runLoadStep(options: Readonly<LoadStepOptions>): Promise<LoadStepResult> {
  const acks = new Latencies();
  const commits = new Latencies();
  const sentAt = new Map<string, number>();
  let refusedRequests = 0;
  let recorded = 0;
  let firstRecordedAt = Number.POSITIVE_INFINITY;
  let lastRecordedAt = 0;
  const rejectedBefore = options.watch.rejected.size;
  options.watch.onRecorded((event) => {
    const sent = sentAt.get(`${event.meterId}~${String(event.seq)}`);
    if (sent !== undefined) {
      commits.add(event.at - sent);
      recorded += 1;
      firstRecordedAt = Math.min(firstRecordedAt, event.at);
      lastRecordedAt = Math.max(lastRecordedAt, event.at);
    }
  });

  const postSize = Math.max(
    1,
    Math.min(options.postSize, Math.round(options.ratePerSecond / options.lanes / POSTS_PER_SECOND_PER_LANE)),
  );
  const intervalMs = (postSize / (options.ratePerSecond / options.lanes)) * 1000;
  const lanePosts = Array.from({ length: options.lanes }, (_, index) =>
    signedPosts(options, index, postSize, Math.ceil(options.durationMs / intervalMs) + 1),
  );
  const started = performance.now();
  const stop = started + options.durationMs;
  const lane = async (index: number): Promise<void> => {
    const posts = lanePosts[index] ?? [];
    let due = started + (intervalMs * index) / options.lanes;
    for (let round = 0; performance.now() < stop && round < posts.length; round += 1) {
      const readings = posts[round] ?? [];
      const postedAt = performance.now();
      const response = await fetch(`${options.url}${MeasurementApiPaths.ingestBatch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ readings }),
      });
      await response.arrayBuffer();
      acks.add(performance.now() - postedAt);
      if (response.status === 202) {
        readings.forEach((reading) => sentAt.set(`${reading.meterId}~${String(reading.seq)}`, postedAt));
      } else {
        refusedRequests += 1;
      }
      due += intervalMs;
      const wait = due - performance.now();
      if (wait > 0) {
        await delay(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, (_, index) => lane(index)));

  const keys = [...sentAt.keys()];
  const drainUntil = performance.now() + options.drainMs;
  while (keys.some((key) => !options.watch.recorded.has(key)) && performance.now() < drainUntil) {
    await delay(200);
  }
  return {
    offeredPerSecond: options.ratePerSecond,
    accepted: sentAt.size,
    refusedRequests,
    recordedPerSecond:
      lastRecordedAt > firstRecordedAt ? (recorded - 1) / ((lastRecordedAt - firstRecordedAt) / 1000) : 0,
    ackP50Ms: acks.percentile(50),
    ackP99Ms: acks.percentile(99),
    commitP50Ms: commits.percentile(50),
    commitP99Ms: commits.percentile(99),
    unrecorded: keys.filter((key) => !options.watch.recorded.has(key)).length,
    rejected: options.watch.rejected.size - rejectedBefore,
  };
}

/**
 * A lane's posts for a whole step, signed before the step's clock starts: meters sign on their own hardware, so the
 * load generator's signing should not compete for the cores of the system it measures. A meter's readings keep
 * their order (seqs are drawn here, in posting order); `measuredAt` lies at most one step before the post.
 */
export function signedPosts(
  options: Readonly<LoadStepOptions>,
  lane: number,
  postSize: number,
  rounds: number,
): Reading[][] {
  const meters = options.meters.filter((_, i) => i % options.lanes === lane);
  return Array.from({ length: rounds }, (_, round) =>
    Array.from({ length: postSize }, (_, i) => {
      const meter = meters[(round * postSize + i) % meters.length] as BenchMeter;
      return options.makeReading(meter, options.nextSeq(meter.id));
    }),
  );
}
