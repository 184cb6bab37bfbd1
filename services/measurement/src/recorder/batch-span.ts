import type { TraceContext } from '@metrochain/messaging';
import { extractTraceContext } from '@metrochain/observability';
import {
  type Attributes,
  type Context,
  type Link,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

const tracer = trace.getTracer('metrochain-measurement-recorder');

// The SDK's default limit of links per span.
const MAX_LINKS = 128;

/**
 * Runs `work` in one span for a whole ledger batch: a child of the first reading's trace (from ingest through
 * verification), linked to the traces of the others, as OpenTelemetry suggests for batch processing.
 */
export async function inBatchSpan<T>(
  traces: readonly (TraceContext | undefined)[],
  attributes: Readonly<Attributes>,
  work: () => Promise<T>,
): Promise<T> {
  const contexts = traces
    .filter((context): context is TraceContext => context !== undefined)
    .map((context): Context => extractTraceContext({ ...context }, ROOT_CONTEXT));
  const links: Link[] = [];
  for (const context of contexts.slice(0, MAX_LINKS)) {
    const spanContext = trace.getSpanContext(context);
    if (spanContext !== undefined) {
      links.push({ context: spanContext });
    }
  }
  const options = { kind: SpanKind.CLIENT, links, attributes: { ...attributes } };
  return tracer.startActiveSpan(
    'measurement.recordBatch',
    options,
    contexts[0] ?? ROOT_CONTEXT,
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
