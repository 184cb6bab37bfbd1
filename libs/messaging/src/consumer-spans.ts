import {
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  trace,
} from '@opentelemetry/api';
import type { TopicName } from '@metrochain/contracts';
import { type TraceContext, readTraceContext } from './event-headers';
import type { ConsumedEvent } from './process-message';

const tracer = trace.getTracer('metrochain-messaging');

/** The span of one consumed record and the trace context that continues from it. */
interface RecordSpan {
  span: Span;
  context: Context;
  trace: TraceContext | undefined;
}

function startRecordSpan<T extends TopicName>(event: Readonly<ConsumedEvent<T>>): RecordSpan {
  const parent =
    event.trace === undefined
      ? ROOT_CONTEXT
      : propagation.extract(ROOT_CONTEXT, { ...event.trace }, defaultTextMapGetter);
  const span = tracer.startSpan(
    `${event.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': event.topic,
        'messaging.destination.partition.id': String(event.partition),
        'messaging.kafka.offset': Number(event.offset),
        'messaging.message.delivery_attempt': event.attempt,
      },
    },
    parent,
  );
  const spanContext = trace.setSpan(parent, span);
  const headers: Record<string, string> = {};
  propagation.inject(spanContext, headers, defaultTextMapSetter);
  return { span, context: spanContext, trace: readTraceContext(headers) ?? event.trace };
}

/**
 * Runs a handler for consumed records inside one consumer span per record (a child of the trace the record's
 * headers carry), and hands the handler the records with their trace context moved to that span, so that what it
 * publishes continues the trace from here. Without a registered tracer the spans are no-ops and the records keep
 * their own context. The handler runs in the context of the first record's span.
 */
export async function inConsumerSpans<T extends TopicName, R>(
  events: readonly Readonly<ConsumedEvent<T>>[],
  work: (traced: ConsumedEvent<T>[]) => Promise<R>,
): Promise<R> {
  const spans = events.map((event) => startRecordSpan(event));
  const traced = events.map((event, index) => ({ ...event, trace: spans[index]?.trace ?? event.trace }));
  try {
    return await context.with(spans[0]?.context ?? context.active(), () => work(traced));
  } catch (error) {
    for (const { span } of spans) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    }
    throw error;
  } finally {
    for (const { span } of spans) {
      span.end();
    }
  }
}
