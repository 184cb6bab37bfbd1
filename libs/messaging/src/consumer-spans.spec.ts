import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type RecordedSpans, recordSpans } from '@metrochain/observability/testing';
import { inConsumerSpans } from './consumer-spans';
import type { ConsumedEvent } from './process-message';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';

function event(offset: string, traceparent?: string): ConsumedEvent<'readings.received.v1'> {
  return {
    topic: 'readings.received.v1',
    partition: 2,
    offset,
    timestamp: '0',
    headers: {},
    trace: traceparent === undefined ? undefined : { traceparent },
    attempt: 1,
    key: 'm-1',
    value: {} as ConsumedEvent<'readings.received.v1'>['value'],
  };
}

describe('inConsumerSpans', () => {
  let spans: RecordedSpans;
  before(() => {
    spans = recordSpans();
  });
  after(() => spans.stop());

  it('processes each record in a consumer span, a child of its trace, and hands on the span as parent', async () => {
    spans.reset();
    let active: string | undefined;
    const handed = await inConsumerSpans(
      [event('7', `00-${TRACE_ID}-${PARENT}-01`), event('8')],
      (traced) => {
        active = trace.getActiveSpan()?.spanContext().spanId;
        return Promise.resolve(traced);
      },
    );
    const [first, second] = spans.finished();
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.name, 'readings.received.v1 process');
    assert.equal(first.kind, SpanKind.CONSUMER);
    assert.equal(first.spanContext().traceId, TRACE_ID);
    assert.equal(first.parentSpanContext?.spanId, PARENT);
    assert.equal(first.attributes['messaging.kafka.offset'], 7);
    assert.equal(active, first.spanContext().spanId);
    assert.equal(handed[0]?.trace?.traceparent, `00-${TRACE_ID}-${first.spanContext().spanId}-01`);
    // A record without trace context starts a trace of its own.
    assert.notEqual(second.spanContext().traceId, TRACE_ID);
    assert.equal(second.parentSpanContext, undefined);
    assert.equal(handed[1]?.trace?.traceparent.split('-')[1], second.spanContext().traceId);
  });

  it('marks the spans failed when the handler fails, and rethrows', async () => {
    spans.reset();
    await assert.rejects(
      inConsumerSpans([event('9')], () => Promise.reject(new Error('ledger down'))),
      /ledger down/,
    );
    assert.equal(spans.finished()[0]?.status.code, SpanStatusCode.ERROR);
  });
});
