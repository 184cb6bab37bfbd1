import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import {
  otlpEndpointConfigured,
  otlpProtocol,
  shutdownTelemetry,
  startTelemetry,
  traceSpanProcessors,
} from './telemetry';

describe('traceSpanProcessors', () => {
  it('exports nothing unless an OTLP endpoint is configured', () => {
    const processors = traceSpanProcessors({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' });
    assert.equal(processors.length, 1);
    assert.ok(processors[0] instanceof NoopSpanProcessor);
  });

  it('exports over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT or the traces endpoint is set', async () => {
    assert.equal(otlpEndpointConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }), true);
    assert.equal(
      otlpEndpointConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }),
      true,
    );
    const [processor] = traceSpanProcessors({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    assert.ok(processor instanceof BatchSpanProcessor);
    await processor.shutdown();
  });
});

describe('otlpProtocol', () => {
  it('is http/json only when the traces protocol (or the general one) says so, else http/protobuf', async () => {
    assert.equal(otlpProtocol({}), 'http/protobuf');
    assert.equal(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }), 'http/json');
    assert.equal(
      otlpProtocol({
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      }),
      'http/protobuf',
    );
    const [processor] = traceSpanProcessors({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:3005/v1/traces',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    assert.ok(processor instanceof BatchSpanProcessor);
    await processor.shutdown();
  });
});

describe('startTelemetry', () => {
  it('starts once per process and shuts down idempotently', async () => {
    const shutdown = startTelemetry({ serviceName: 'a', env: {} });
    assert.equal(startTelemetry({ serviceName: 'b', env: {} }), shutdown);
    await shutdownTelemetry();
    await shutdown();
    await shutdownTelemetry();
  });
});
