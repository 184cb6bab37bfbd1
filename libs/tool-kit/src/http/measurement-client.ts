import {
  MeasurementApiPaths,
  ingestResponseSchema,
  measurementStatsResponseSchema,
  type IngestResponse,
  type MeasurementStatsResponse,
  type Reading,
} from '@metrochain/contracts';
import { JsonClient, type CallOptions, type JsonClientOptions } from './json-client';

type Call = Readonly<Omit<CallOptions, 'params'>>;

/** The measurement service's API (libs/contracts measurement-api), answers checked against its schemas. */
export class MeasurementClient {
  readonly #http: JsonClient;

  constructor(options: Readonly<JsonClientOptions>) {
    this.#http = new JsonClient(options);
  }

  /** 202 once every reading is acknowledged by Kafka; 503 INGEST_UNAVAILABLE means none was, retry the same. */
  postBatch(readings: readonly Reading[], call: Call = {}): Promise<IngestResponse> {
    return this.#http.post(MeasurementApiPaths.ingestBatch, { readings }, ingestResponseSchema, call);
  }

  getStats(call: Call = {}): Promise<MeasurementStatsResponse> {
    return this.#http.get(MeasurementApiPaths.stats, measurementStatsResponseSchema, call);
  }
}
