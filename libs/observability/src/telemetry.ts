import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';

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

const PROTOCOL_VARIABLES = ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL'] as const;
/** The SDK's default; the devnet shortens it so that a trace is complete a moment after the request. */
const DEFAULT_SCHEDULE_DELAY_MS = 5_000;

/**
 * The OTLP exporter when an endpoint is configured, else a processor that keeps spans only for propagation. The
 * exporter speaks OTLP/HTTP with JSON bodies when the protocol variable says `http/json` (what the audit service's
 * trace receiver reads), else http/protobuf. `OTEL_BSP_SCHEDULE_DELAY` (ms) sets how often spans are sent.
 */
export function traceSpanProcessors(env: TelemetryEnvironment): SpanProcessor[] {
  if (!otlpEndpointConfigured(env)) {
    return [new NoopSpanProcessor()];
  }
  return [
    new BatchSpanProcessor({
      exporter: traceExporter(env),
      scheduledDelayMillis: scheduleDelay(env),
    }),
  ];
}

/** `http/json` or `http/protobuf`, as the OTLP variables state (traces-specific first). */
export function otlpProtocol(env: TelemetryEnvironment): 'http/json' | 'http/protobuf' {
  const stated = PROTOCOL_VARIABLES.map((name) => (env[name] ?? '').trim()).find((value) => value !== '');
  return stated === 'http/json' ? 'http/json' : 'http/protobuf';
}

function traceExporter(env: TelemetryEnvironment): SpanExporter {
  return otlpProtocol(env) === 'http/json' ? new OtlpJsonTraceExporter() : new OTLPTraceExporter();
}

function scheduleDelay(env: TelemetryEnvironment): number {
  const stated = Number(env['OTEL_BSP_SCHEDULE_DELAY']);
  return Number.isInteger(stated) && stated > 0 ? stated : DEFAULT_SCHEDULE_DELAY_MS;
}

export function otlpEndpointConfigured(env: TelemetryEnvironment): boolean {
  return OTLP_ENDPOINT_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}
