import { setTimeout as delay } from 'node:timers/promises';
import {
  MAX_INGEST_BATCH,
  MeasurementApiPaths,
  ingestResponseSchema,
  measurementStatsResponseSchema,
  type IngestResponse,
  type MeasurementStatsResponse,
  type Reading,
} from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { JsonClient, type CallOptions, type JsonClientOptions } from './json-client';

type Call = Readonly<Omit<CallOptions, 'params'>>;

/** The measurement service's API (libs/contracts measurement-api), answers checked against its schemas. */
export class MeasurementClient {
  readonly #http: JsonClient;

  constructor(options: Readonly<JsonClientOptions>) {
    this.#http = new JsonClient(options);
  }

  /**
   * 202 once every reading is acknowledged by Kafka; 503 INGEST_UNAVAILABLE or INGEST_OVERLOADED means none was,
   * retry the same (after the error's `retryAfterSeconds` detail, the answer's Retry-After, when it has one).
   */
  postBatch(readings: readonly Reading[], call: Call = {}): Promise<IngestResponse> {
    return this.#http.post(MeasurementApiPaths.ingestBatch, { readings }, ingestResponseSchema, call);
  }

  /**
   * Posts `readings` in order, in full batches, as a meter uploads its backlog after an outage: a retriable refusal
   * (429 over the meter's limit, 503, a timeout) sends the same batch again after `retryDelayMs` (or the
   * answer's Retry-After when longer), which the service
   * takes as the same readings. Resolves to the number of readings accepted.
   */
  async postInOrder(readings: readonly Reading[], retryDelayMs = 1000): Promise<number> {
    let accepted = 0;
    for (let start = 0; start < readings.length;) {
      const batch = readings.slice(start, start + MAX_INGEST_BATCH);
      try {
        accepted += (await this.postBatch(batch)).accepted.length;
        start += batch.length;
      } catch (error) {
        if (!isDomainError(error) || !error.retriable) {
          throw error;
        }
        const retryAfter = error.details['retryAfterSeconds'];
        await delay(Math.max(retryDelayMs, typeof retryAfter === 'number' ? retryAfter * 1000 : 0));
      }
    }
    return accepted;
  }

  getStats(call: Call = {}): Promise<MeasurementStatsResponse> {
    return this.#http.get(MeasurementApiPaths.stats, measurementStatsResponseSchema, call);
  }
}
