import type { IHeaders } from 'kafkajs';

/** W3C trace context, carried in the record headers of the same names. */
export interface TraceContext {
  traceparent: string;
  tracestate?: string;
}

/** What a publisher may attach to an event besides key and value. */
export interface PublishMetadata {
  trace?: TraceContext;
  headers?: Readonly<Record<string, string>>;
}

export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

export const DeadLetterHeader = {
  REASON: 'x-dlt-reason',
  MESSAGE: 'x-dlt-message',
  ATTEMPTS: 'x-dlt-attempts',
  ORIGINAL_TOPIC: 'x-dlt-original-topic',
  ORIGINAL_PARTITION: 'x-dlt-original-partition',
  ORIGINAL_OFFSET: 'x-dlt-original-offset',
} as const;

/** Why and from where a record went to its dead-letter topic. */
export interface DeadLetterCause {
  reason: string;
  message: string;
  attempts: number;
  topic: string;
  partition: number;
  offset: string;
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
// Error texts can be long (stack-like gateway messages); headers are for triage, the logs hold the rest.
const MAX_MESSAGE_HEADER_LENGTH = 1_000;

/** Headers of an outgoing event: the caller's own, then the trace context, which wins on a name clash. */
export function buildEventHeaders(metadata: Readonly<PublishMetadata> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...metadata.headers };
  if (metadata.trace !== undefined) {
    headers[TRACEPARENT_HEADER] = metadata.trace.traceparent;
    if (metadata.trace.tracestate !== undefined) {
      headers[TRACESTATE_HEADER] = metadata.trace.tracestate;
    }
  }
  return headers;
}

/** Record headers as text; of a repeated header the first value counts. */
export function readHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) {
      result[name] = first.toString();
    }
  }
  return result;
}

/** The trace context of a consumed event, or undefined when absent or malformed (W3C: ignore, start a new trace). */
export function readTraceContext(headers: Readonly<Record<string, string>>): TraceContext | undefined {
  const traceparent = headers[TRACEPARENT_HEADER];
  if (traceparent === undefined || !TRACEPARENT.test(traceparent)) {
    return undefined;
  }
  const tracestate = headers[TRACESTATE_HEADER];
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}

/** Keeps the original headers (trace context included) so that a replay from the dead-letter topic is faithful. */
export function buildDeadLetterHeaders(
  original: IHeaders | undefined,
  cause: Readonly<DeadLetterCause>,
): IHeaders {
  return {
    ...original,
    [DeadLetterHeader.REASON]: cause.reason,
    [DeadLetterHeader.MESSAGE]: cause.message.slice(0, MAX_MESSAGE_HEADER_LENGTH),
    [DeadLetterHeader.ATTEMPTS]: String(cause.attempts),
    [DeadLetterHeader.ORIGINAL_TOPIC]: cause.topic,
    [DeadLetterHeader.ORIGINAL_PARTITION]: String(cause.partition),
    [DeadLetterHeader.ORIGINAL_OFFSET]: cause.offset,
  };
}
