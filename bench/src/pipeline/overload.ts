import { setTimeout as delay } from 'node:timers/promises';
import { MeasurementApiPaths, type Reading } from '@metrochain/contracts';
import { Latencies } from './latency';
import { type LoadStepOptions, signedPosts } from './offered-load';

/** What the overload step measured; the `overload*` fields of bench/results/pipeline.json. */
export interface OverloadResult {
  /** The rate the lanes offer (their schedule): a multiple of the measured saturation rate. */
  overloadOfferedPerSecond: number;
  /** Readings the lanes posted (each once, however often it was re-sent) per second: less, as they back off. */
  overloadPostedPerSecond: number;
  overloadAcceptedPerSecond: number;
  /**
   * Readings recorded while the lanes posted, per second (any reading, also one accepted before the step): what the
   * pipeline sustains under the step. With admission off the step's backlog keeps it busy throughout, so this is
   * its saturation over the whole step, unlike a 10-s ramp step, which a previous step's backlog can inflate and a
   * pipeline still warming up can deflate (session 23: ramp 114/s, this 201/s).
   */
  overloadRecordedPerSecond: number;
  /** Readings in refused requests over readings in every request sent (re-sends included). */
  overloadRefusedShare: number;
  overloadRefusedRequests: number;
  overloadRefusedReadings: number;
  /** The Retry-After seconds of the refusals: least and most. */
  overloadRetryAfterS: { min: number; max: number };
  overloadCommitP50Ms: number;
  overloadCommitP99Ms: number;
  /** Accepted readings not recorded when the drain time ran out: must be 0. */
  overloadUnrecorded: number;
  overloadRejected: number;
  /** The service's in-flight bound at the end of the posting (drain rate × budget), from its /metrics. */
  overloadMaxInFlight: number | undefined;
}

/** The measurement service's in-flight bound as its /metrics shows it. */
async function maxInFlightOf(url: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((entry) => entry.startsWith('metrochain_measurement_admission_max_in_flight'));
  const value = Number(line?.split(' ').at(-1));
  return Number.isFinite(value) ? value : undefined;
}

/** What a lane does after an answer that is not 202: wait this long and send the same request again. */
function retryAfterMs(response: Response): number {
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header * 1000 : 1000;
}

/**
 * Offers more than the pipeline can record: lanes post on schedule, and a refused request (503 INGEST_OVERLOADED,
 * 429) is sent again unchanged after its Retry-After, as the fleet does, before the lane's next post; a lane behind
 * its schedule posts what fell due at once, so clients keep pressing. Commit latency is from the accepted attempt to
 * the event.
 */
export async function runOverloadStep(options: Readonly<LoadStepOptions>): Promise<OverloadResult> {
  const commits = new Latencies();
  const sentAt = new Map<string, number>();
  const retryAfters: number[] = [];
  let refusedRequests = 0;
  let refusedReadings = 0;
  let sentReadings = 0;
  let offered = 0;
  let started = Number.POSITIVE_INFINITY;
  let stop = Number.POSITIVE_INFINITY;
  const rejectedBefore = options.watch.rejected.size;
  let recordedDuringStep = 0;
  options.watch.onRecorded((event) => {
    const sent = sentAt.get(`${event.meterId}~${String(event.seq)}`);
    if (sent !== undefined) {
      commits.add(event.at - sent);
    }
    if (event.at >= started && event.at <= stop) {
      recordedDuringStep += 1;
    }
  });
  const postSize = Math.min(
    options.postSize,
    Math.max(1, Math.round(options.ratePerSecond / options.lanes / 4)),
  );
  const intervalMs = (postSize / (options.ratePerSecond / options.lanes)) * 1000;
  const rounds = Math.ceil(options.durationMs / intervalMs) + 1;
  const lanePosts = Array.from({ length: options.lanes }, (_, index) =>
    signedPosts(options, index, postSize, rounds),
  );
  started = performance.now();
  stop = started + options.durationMs;
  /** Sends one post until it is accepted or the step ends. */
  const deliver = async (readings: readonly Reading[]): Promise<void> => {
    while (performance.now() < stop) {
      const postedAt = performance.now();
      const response = await fetch(`${options.url}${MeasurementApiPaths.ingestBatch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ readings }),
      });
      await response.arrayBuffer();
      sentReadings += readings.length;
      if (response.status === 202) {
        readings.forEach((reading) => sentAt.set(`${reading.meterId}~${String(reading.seq)}`, postedAt));
        return;
      }
      refusedRequests += 1;
      refusedReadings += readings.length;
      const waitMs = retryAfterMs(response);
      retryAfters.push(waitMs / 1000);
      await delay(Math.min(waitMs, Math.max(0, stop - performance.now())));
    }
  };
  /**
   * A lane behind its schedule (it waited out a Retry-After) sends what fell due meanwhile together, up to
   * `postSize` readings a request, as the fleet's sender lanes send their queue in full batches. Re-sending each
   * small post on its own after a wait of at least a second capped sixteen lanes at about a quarter of the offered
   * rate a second: the step then measured its clients, not the service (215/s accepted of 282/s in session 22).
   */
  const lane = async (index: number): Promise<void> => {
    const posts = lanePosts[index] ?? [];
    let due = started + (intervalMs * index) / options.lanes;
    let round = 0;
    while (performance.now() < stop && round < posts.length) {
      const readings = [...(posts[round] ?? [])];
      round += 1;
      due += intervalMs;
      for (
        let next = posts[round];
        next !== undefined && due <= performance.now() && readings.length + next.length <= options.postSize;
        next = posts[round]
      ) {
        readings.push(...next);
        round += 1;
        due += intervalMs;
      }
      offered += readings.length;
      await deliver(readings);
      const wait = due - performance.now();
      if (wait > 0) {
        await delay(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, (_, index) => lane(index)));
  const elapsedS = (performance.now() - started) / 1000;
  const recordedPerSecond = Math.round(
    (recordedDuringStep / (Math.min(performance.now(), stop) - started)) * 1000,
  );
  // The bound follows the drain rate: read it while the pipeline is still saturated, before the drain.
  const maxInFlight = await maxInFlightOf(options.url);

  const keys = [...sentAt.keys()];
  const drainUntil = performance.now() + options.drainMs;
  while (keys.some((key) => !options.watch.recorded.has(key)) && performance.now() < drainUntil) {
    await delay(200);
  }
  return {
    overloadOfferedPerSecond: options.ratePerSecond,
    overloadPostedPerSecond: Math.round(offered / elapsedS),
    overloadAcceptedPerSecond: Math.round(sentAt.size / elapsedS),
    overloadRecordedPerSecond: recordedPerSecond,
    overloadRefusedShare: sentReadings === 0 ? 0 : Number((refusedReadings / sentReadings).toFixed(3)),
    overloadRefusedRequests: refusedRequests,
    overloadRefusedReadings: refusedReadings,
    overloadRetryAfterS: {
      min: retryAfters.reduce((least, value) => Math.min(least, value), retryAfters[0] ?? 0),
      max: retryAfters.reduce((most, value) => Math.max(most, value), 0),
    },
    overloadCommitP50Ms: Number(commits.percentile(50).toFixed(1)),
    overloadCommitP99Ms: Number(commits.percentile(99).toFixed(1)),
    overloadUnrecorded: keys.filter((key) => !options.watch.recorded.has(key)).length,
    overloadRejected: options.watch.rejected.size - rejectedBefore,
    overloadMaxInFlight: maxInFlight,
  };
}
