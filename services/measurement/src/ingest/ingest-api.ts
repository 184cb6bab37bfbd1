import {
  type IngestResponse,
  MAX_INGEST_BATCH,
  type Reading,
  describeValidationIssues,
  ingestBatchRequestSchema,
  ingestRequestSchema,
  validationIssues,
} from '@metrochain/contracts';
import { type TraceContext, readTraceContext } from '@metrochain/messaging';
import type { z } from 'zod';
import { MeasurementErrorCode, measurementError } from '../http/measurement-error';
import { identify } from '../readings/reading-identity';
import type { StatusStore } from '../status/reading-status';
import type { MeasurementStats } from '../stats/measurement-stats';
import type { IngestAdmission } from '../admission/ingest-admission';
import type { MeterRateLimit } from './meter-rate-limit';
import type { ReceivedPublisher } from './received-publisher';
import { type IngestTrace, inIngestSpan } from './ingest-span';

/** A 500-reading batch can have thousands of issues; the answer names the first ones. */
const MAX_ISSUES_SHOWN = 20;

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The W3C trace context of an HTTP request, when it carries a well-formed one. */
export function requestTrace(headers: RequestHeaders): TraceContext | undefined {
  const text: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate']) {
    const value = headers[name];
    if (typeof value === 'string') {
      text[name] = value;
    }
  }
  return readTraceContext(text);
}

export interface IngestApiOptions {
  publisher: Pick<ReceivedPublisher, 'publish'>;
  statuses: Pick<StatusStore, 'apply'>;
  stats: Pick<MeasurementStats, 'count'>;
  /** Refuses the whole request (429) when one of its meters is over its limit; none means no per-meter limit. */
  meterLimit?: Pick<MeterRateLimit, 'admit'>;
  /** Refuses the whole request (503 INGEST_OVERLOADED) while the pipeline holds too much; none means no bound. */
  admission?: Pick<IngestAdmission, 'admit' | 'release'>;
  /** Called when the `received` statuses could not be written; the readings are accepted all the same. */
  onStatusFailure?: (error: unknown) => void;
  now?: () => number;
}

/**
 * The ingest API behind the controller. A request is refused whole (400) before anything is published; an accepted
 * one is answered only once Kafka acknowledged every reading. The `received` status is written after that, so an
 * id never shows `received` for a reading that was not accepted (and never replaces a later status).
 */
export class IngestApi {
  readonly #options: Readonly<IngestApiOptions>;

  constructor(options: Readonly<IngestApiOptions>) {
    this.#options = options;
  }

  async ingest(body: unknown, trace?: TraceContext): Promise<IngestResponse> {
    return this.#accept([parseRequest(ingestRequestSchema, body)], trace);
  }

  async ingestBatch(body: unknown, trace?: TraceContext): Promise<IngestResponse> {
    refuseOversizedBatch(body);
    const { readings } = parseRequest(ingestBatchRequestSchema, body);
    return this.#accept(readings, trace);
  }

  async #accept(readings: readonly Reading[], request: TraceContext | undefined): Promise<IngestResponse> {
    return inIngestSpan(request, readings.length, (ingest) => this.#acceptTraced(readings, ingest));
  }

  async #acceptTraced(readings: readonly Reading[], ingest: Readonly<IngestTrace>): Promise<IngestResponse> {
    const receivedAt = new Date((this.#options.now ?? Date.now)()).toISOString();
    const identified = readings.map(identify);
    await handOn(this.#options, readings, receivedAt, ingest);
    this.#options.stats.count('accepted', readings.length);
    try {
      await this.#options.statuses.apply(
        identified.map(({ readingId }) => ({
          readingId,
          update: { status: 'received', updatedAt: receivedAt, traceId: ingest.traceId },
        })),
      );
    } catch (error) {
      // Accepted is accepted: the pipeline writes the later statuses, so the ids still become visible.
      this.#options.onStatusFailure?.(error);
    }
    return {
      accepted: identified.map(({ readingId, reading }) => ({
        readingId,
        meterId: reading.meterId,
        seq: reading.seq,
      })),
      receivedAt,
    };
  }
}

/**
 * Admission control (503) first, then the per-meter limit (429), then Kafka; a request that fails after admission
 * gives its readings back. Admission comes first because it counts nothing of a refused request: the meter limit
 * counts readings a meter may have accepted per window, and a client resending a 503'd batch must not use up its
 * meter's window on readings that were never accepted.
 */
async function handOn(
  options: Readonly<IngestApiOptions>,
  readings: readonly Reading[],
  receivedAt: string,
  ingest: Readonly<IngestTrace>,
): Promise<void> {
  options.admission?.admit(readings.length);
  try {
    await options.meterLimit?.admit(readings);
    await publish(options, readings, receivedAt, ingest);
  } catch (error) {
    options.admission?.release(readings.length);
    throw error;
  }
}

async function publish(
  options: Readonly<IngestApiOptions>,
  readings: readonly Reading[],
  receivedAt: string,
  ingest: Readonly<IngestTrace>,
): Promise<void> {
  try {
    await options.publisher.publish(readings, receivedAt, ingest.context);
  } catch (cause) {
    throw measurementError(
      MeasurementErrorCode.INGEST_UNAVAILABLE,
      'the readings could not be handed on; none is confirmed, send the request again (the ids stay the same)',
      { retriable: true, cause },
    );
  }
}

function parseRequest<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = validationIssues(parsed.error);
    const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more)` : '';
    throw measurementError(
      MeasurementErrorCode.REQUEST_INVALID,
      `invalid request: ${describeValidationIssues(issues.slice(0, MAX_ISSUES_SHOWN))}${more}`,
    );
  }
  return parsed.data;
}

/** Counted before the readings are checked, so that a client learns to split rather than what else is wrong. */
function refuseOversizedBatch(body: unknown): void {
  const readings: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'readings') : undefined;
  if (Array.isArray(readings) && readings.length > MAX_INGEST_BATCH) {
    throw measurementError(
      MeasurementErrorCode.BATCH_TOO_LARGE,
      `${readings.length} readings in one request; at most ${MAX_INGEST_BATCH}`,
    );
  }
}
