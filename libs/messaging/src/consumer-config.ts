import type { ConsumerConfig } from 'kafkajs';

/**
 * Fetch settings for consumers of the reading pipeline's busy topics. By default kafkajs asks the broker for at least
 * one byte, so under load a consumer fetched again as soon as a single record had arrived: many small fetch requests
 * a second per consumer, and the broker spent ~0.2 cores of this 2-core machine at ~1,200 readings/s answering them.
 * With these the broker answers once 64 KiB are waiting or 50 ms passed: fetches carry dozens of records under load,
 * and a quiet topic's record waits at most 50 ms longer per hop (an idle consumer fetches 20 times a second).
 */
export const PIPELINE_FETCH_CONFIG: Readonly<Pick<ConsumerConfig, 'minBytes' | 'maxWaitTimeInMs'>> =
  Object.freeze({
    minBytes: 64 * 1024,
    maxWaitTimeInMs: 50,
  });
