import { trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { DEFAULT_LOG_LEVEL, type LogLevel, isLogLevel } from './log-level';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  /** Defaults to `LOG_LEVEL` when that names a level, else `info`; the service config reports a bad `LOG_LEVEL`. */
  level?: LogLevel;
  /** Defaults to stdout (pino flushes it on exit, so a fatal line before `process.exit` is not lost). */
  destination?: DestinationStream;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A JSON logger whose every line names the service and, inside a span, carries `trace_id` and `span_id`, so that
 * log lines of one reading can be found across the five services by the trace id in its Kafka headers.
 */
export function createLogger(serviceName: string, options: Readonly<CreateLoggerOptions> = {}): Logger {
  const configured = (options.env ?? process.env)['LOG_LEVEL'];
  const level = options.level ?? (isLogLevel(configured) ? configured : DEFAULT_LOG_LEVEL);
  return pino(
    {
      level,
      base: { service: serviceName, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: activeTraceFields,
    },
    options.destination,
  );
}

function activeTraceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext === undefined || !trace.isSpanContextValid(spanContext)) {
    return {};
  }
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
