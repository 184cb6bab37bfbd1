import type { IngestResponse, MeasurementStatsResponse, Reading } from '@metrochain/contracts';
import { MeasurementClient } from '@metrochain/tool-kit';

/** The measurement service's API as the fleet uses it: each call stops when the fleet does. */
export interface MeasurementApi {
  /**
   * 202 once every reading is acknowledged by Kafka; 503 INGEST_UNAVAILABLE or INGEST_OVERLOADED means none was:
   * retry the same, no sooner than the answer's Retry-After (`retryAfterSeconds` in the error's details).
   */
  postBatch(readings: readonly Reading[], signal?: AbortSignal): Promise<IngestResponse>;
  getStats(signal?: AbortSignal): Promise<MeasurementStatsResponse>;
}

const INGEST_TIMEOUT_MS = 30_000;
const STATS_TIMEOUT_MS = 5_000;

export function newMeasurementClient(baseUrl: string, bearerToken?: string): MeasurementApi {
  const client = new MeasurementClient({ baseUrl, timeoutMs: INGEST_TIMEOUT_MS, bearerToken });
  return {
    postBatch: (readings, signal) => client.postBatch(readings, { signal }),
    getStats: (signal) => client.getStats({ signal, timeoutMs: STATS_TIMEOUT_MS }),
  };
}
