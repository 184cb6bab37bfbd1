import { timingSafeEqual } from 'node:crypto';
import {
  AuditTraceErrorCode,
  MAX_SPANS_PER_EXPORT,
  type OtlpTraceResponse,
  PlatformErrorCode,
  type TraceSummary,
  type TraceView,
  type TracesQuery,
  otlpTraceRequestSchema,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { parseRequest } from '@metrochain/service-kit';
import { spansOf } from './otlp-spans';
import { type TraceStorePort, traceSummaryOf, traceViewOf } from './trace-store';

/** Where an export request came from, as the receiver decides whether to take it. */
export interface ExportSource {
  /** The peer address of the connection (no proxy is trusted). */
  ip: string;
  /** The x-metrochain-trace-token header, if sent. */
  token: string | undefined;
}

export interface TraceServiceOptions {
  store: TraceStorePort;
  /** Lets exporters on other hosts in; undefined: loopback only. */
  token: string | undefined;
  /** Called with the spans stored and refused of each export (metrics). */
  onExport?: (stored: number, refused: number) => void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The trace receiver and its views: OTLP/JSON in, traces out. */
export class TraceService {
  readonly #options: TraceServiceOptions;

  constructor(options: TraceServiceOptions) {
    this.#options = options;
  }

  /**
   * Stores the spans of one export. Refused whole, before anything is stored: from another host without the
   * token (ACCESS_FORBIDDEN), and a body that is not OTLP/JSON or has too many spans (REQUEST_INVALID).
   */
  async receive(body: unknown, source: Readonly<ExportSource>): Promise<OtlpTraceResponse> {
    if (!this.#admits(source)) {
      throw new DomainError({
        code: PlatformErrorCode.ACCESS_FORBIDDEN,
        message: 'spans are taken from this host only, or with the trace token',
      });
    }
    const spans = spansOf(parseRequest(otlpTraceRequestSchema, body));
    if (spans.length > MAX_SPANS_PER_EXPORT) {
      throw new DomainError({
        code: PlatformErrorCode.REQUEST_INVALID,
        message: `${String(spans.length)} spans in one export; at most ${String(MAX_SPANS_PER_EXPORT)}`,
      });
    }
    const refused = await this.#options.store.save(spans);
    this.#options.onExport?.(spans.length - refused, refused);
    return refused === 0
      ? {}
      : { partialSuccess: { rejectedSpans: refused, errorMessage: 'the trace holds the most spans kept' } };
  }

  async list(query: Readonly<TracesQuery>): Promise<TraceSummary[]> {
    const traces = await this.#options.store.recent(query.limit);
    return traces
      .map((spans) => traceSummaryOf(spans))
      .filter((summary): summary is TraceSummary => summary !== undefined);
  }

  async get(traceId: string): Promise<TraceView> {
    const spans = await this.#options.store.spans(traceId);
    if (spans.length === 0) {
      throw new DomainError({
        code: AuditTraceErrorCode.TRACE_UNKNOWN,
        message: `no spans of trace ${traceId} (unknown, or older than the retention)`,
        details: { traceId },
      });
    }
    return traceViewOf(traceId, spans);
  }

  #admits(source: Readonly<ExportSource>): boolean {
    if (LOOPBACK.has(source.ip)) {
      return true;
    }
    const expected = this.#options.token;
    if (expected === undefined || source.token === undefined) {
      return false;
    }
    const given = Buffer.from(source.token);
    const wanted = Buffer.from(expected);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
}
