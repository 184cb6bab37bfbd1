import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { type ShutdownTelemetry, startTelemetry } from './telemetry';
import { extractTraceContext, injectTraceHeaders, withTraceHeaders } from './trace-headers';

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('trace headers', () => {
  let shutdown: ShutdownTelemetry;
  before(() => {
    shutdown = startTelemetry({ serviceName: 'observability-spec', env: {} });
  });
  after(() => shutdown());

  it('round-trips the active span context through a plain header record', () => {
    const span = trace.getTracer('spec').startSpan('publish');
    const headers = context.with(trace.setSpan(context.active(), span), () =>
      injectTraceHeaders({ key: 'kept' }),
    );
    span.end();

    assert.equal(headers['key'], 'kept');
    assert.match(headers['traceparent'] ?? '', TRACEPARENT);
    const remote = trace.getSpanContext(extractTraceContext(headers));
    assert.ok(remote !== undefined);
    assert.equal(remote.traceId, span.spanContext().traceId);
    assert.equal(remote.spanId, span.spanContext().spanId);
    assert.equal(remote.isRemote, true);
  });

  it('parents a consumer span on the producer span', () => {
    const producer = trace.getTracer('spec').startSpan('produce');
    const headers = injectTraceHeaders({}, trace.setSpan(context.active(), producer));
    const consumer = withTraceHeaders(headers, () => trace.getTracer('spec').startSpan('consume'));
    assert.equal(consumer.spanContext().traceId, producer.spanContext().traceId);
    assert.notEqual(consumer.spanContext().spanId, producer.spanContext().spanId);
  });

  it('adds nothing outside a span and ignores a malformed traceparent', () => {
    assert.deepEqual(injectTraceHeaders(), {});
    const extracted = extractTraceContext({ traceparent: 'not-a-trace' });
    assert.equal(trace.getSpanContext(extracted), undefined);
  });
});
