export { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel, isLogLevel } from './log-level';
export { type CreateLoggerOptions, type Logger, createLogger } from './logger';
export { NestPinoLogger } from './nest-logger';
export {
  type TelemetryEnvironment,
  type ShutdownTelemetry,
  type TelemetryOptions,
  otlpEndpointConfigured,
  otlpProtocol,
  shutdownTelemetry,
  startTelemetry,
  traceSpanProcessors,
} from './telemetry';
export { extractTraceContext, injectTraceHeaders, withTraceHeaders } from './trace-headers';
