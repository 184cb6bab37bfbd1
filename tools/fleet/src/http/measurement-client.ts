import {
  MeasurementApiPaths,
  ingestResponseSchema,
  measurementStatsResponseSchema,
  type IngestResponse,
  type MeasurementStatsResponse,
  type Reading,
} from '@metrochain/contracts';
import { apiUrl, requestJson } from './json-client';

/** The measurement service's API as the fleet uses it (libs/contracts measurement-api). */
export interface MeasurementApi {
  /** 202 once every reading is acknowledged by Kafka; 503 INGEST_UNAVAILABLE means none was, retry the same. */
  postBatch(readings: readonly Reading[], signal?: AbortSignal): Promise<IngestResponse>;
  getStats(signal?: AbortSignal): Promise<MeasurementStatsResponse>;
}

const INGEST_TIMEOUT_MS = 30_000;
const STATS_TIMEOUT_MS = 5_000;

export function newMeasurementClient(baseUrl: string): MeasurementApi {
  return {
    postBatch: (readings, signal) =>
      requestJson({
        method: 'POST',
        url: apiUrl(baseUrl, MeasurementApiPaths.ingestBatch),
        body: { readings },
        schema: ingestResponseSchema,
        timeoutMs: INGEST_TIMEOUT_MS,
        ...(signal === undefined ? {} : { signal }),
      }),
    getStats: (signal) =>
      requestJson({
        method: 'GET',
        url: apiUrl(baseUrl, MeasurementApiPaths.stats),
        schema: measurementStatsResponseSchema,
        timeoutMs: STATS_TIMEOUT_MS,
        ...(signal === undefined ? {} : { signal }),
      }),
  };
}
