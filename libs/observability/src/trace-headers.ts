import {
  type Context,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
} from '@opentelemetry/api';

/**
 * Writes the trace context of `from` (by default the active one) into `headers` as W3C `traceparent`/`tracestate`
 * and returns them, ready for a Kafka record. Without an active span nothing is added.
 */
export function injectTraceHeaders(
  headers: Record<string, string> = {},
  from: Context = context.active(),
): Record<string, string> {
  propagation.inject(from, headers, defaultTextMapSetter);
  return headers;
}

/**
 * The context a consumer should run its handler in: `base` (by default the active one) with the remote span of the
 * headers as parent. Missing or malformed headers leave `base` unchanged, so the handler starts a new trace.
 */
export function extractTraceContext(
  headers: Readonly<Record<string, string | undefined>>,
  base: Context = context.active(),
): Context {
  return propagation.extract(base, headers, defaultTextMapGetter);
}

/** Runs `fn` inside the trace context carried by `headers`. */
export function withTraceHeaders<T>(headers: Readonly<Record<string, string | undefined>>, fn: () => T): T {
  return context.with(extractTraceContext(headers), fn);
}
