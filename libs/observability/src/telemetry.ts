import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';

export type TelemetryEnvironment = Readonly<Record<string, string | undefined>>;

/** Flushes and stops the SDK; safe to call more than once. */
export type ShutdownTelemetry = () => Promise<void>;

export interface TelemetryOptions {
  serviceName: string;
  env?: TelemetryEnvironment;
}

const OTLP_ENDPOINT_VARIABLES = [
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
] as const;

let running: ShutdownTelemetry | undefined;

/**
 * Starts the OpenTelemetry SDK for this process: resource `service.name`, W3C trace-context propagation, and spans
 * exported over OTLP (http/protobuf) only when an OTLP endpoint is configured. Without one, spans still get real
 * trace and span ids, so trace context flows through HTTP and Kafka headers and into log lines, but nothing leaves
 * the process. Metrics and OTel logs stay off: logs go to stdout through pino.
 *
 * Call it before anything else is imported (a side-effect `telemetry.ts` as the first import of `main.ts`), so that
 * later imports see the registered providers. A second call returns the first call's shutdown.
 */
export function startTelemetry(options: Readonly<TelemetryOptions>): ShutdownTelemetry {
  if (running !== undefined) {
    return running;
  }
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    spanProcessors: traceSpanProcessors(options.env ?? process.env),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  let stopping: Promise<void> | undefined;
  const shutdown: ShutdownTelemetry = () => {
    stopping ??= sdk.shutdown().finally(() => {
      running = undefined;
    });
    return stopping;
  };
  running = shutdown;
  return shutdown;
}

/** Stops the SDK started by `startTelemetry`, if any; for the service's shutdown hook. */
export function shutdownTelemetry(): Promise<void> {
  return running === undefined ? Promise.resolve() : running();
}

/** The OTLP exporter when an endpoint is configured, else a processor that keeps spans only for propagation. */
export function traceSpanProcessors(env: TelemetryEnvironment): SpanProcessor[] {
  return otlpEndpointConfigured(env)
    ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })]
    : [new NoopSpanProcessor()];
}

export function otlpEndpointConfigured(env: TelemetryEnvironment): boolean {
  return OTLP_ENDPOINT_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}
