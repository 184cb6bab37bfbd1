import type { TraceContext } from '@metrochain/messaging';
import { readTraceContext } from '@metrochain/messaging';
import { extractTraceContext, injectTraceHeaders } from '@metrochain/observability';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, isSpanContextValid, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('metrochain-measurement-ingest');

/** The trace a request continues: the context of its ingest span, and the id to show on the readings' status. */
export interface IngestTrace {
  /** What the published events carry: the ingest span as parent (or the request's own context without a tracer). */
  context: TraceContext | undefined;
  traceId: string | undefined;
}

/**
 * Runs an ingest request in the `measurement.ingest` server span: a child of the request's `traceparent` when it
 * has one, else the root of a new trace, which then follows the readings through verification to the ledger.
 */
export async function inIngestSpan<T>(
  request: TraceContext | undefined,
  readings: number,
  work: (ingest: Readonly<IngestTrace>) => Promise<T>,
): Promise<T> {
  const parent = request === undefined ? ROOT_CONTEXT : extractTraceContext({ ...request }, ROOT_CONTEXT);
  const options = { kind: SpanKind.SERVER, attributes: { 'measurement.readings': readings } };
  return tracer.startActiveSpan('measurement.ingest', options, parent, async (span) => {
    const spanContext = span.spanContext();
    const valid = isSpanContextValid(spanContext);
    const context = valid
      ? (readTraceContext(injectTraceHeaders({}, trace.setSpan(parent, span))) ?? request)
      : request;
    const traceId = valid ? spanContext.traceId : request?.traceparent.split('-')[1];
    try {
      return await work({ context, traceId });
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
