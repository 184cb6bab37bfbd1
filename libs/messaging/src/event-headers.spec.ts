import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DeadLetterHeader,
  buildDeadLetterHeaders,
  buildEventHeaders,
  readHeaders,
  readTraceContext,
} from './event-headers';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('buildEventHeaders', () => {
  it('puts the trace context under the W3C names', () => {
    assert.deepEqual(buildEventHeaders({ trace: { traceparent: TRACEPARENT, tracestate: 'mc=1' } }), {
      traceparent: TRACEPARENT,
      tracestate: 'mc=1',
    });
  });

  it('keeps custom headers and lets the trace context win a clash', () => {
    const headers = buildEventHeaders({
      trace: { traceparent: TRACEPARENT },
      headers: { 'x-source': 'ingest', traceparent: 'stale' },
    });
    assert.deepEqual(headers, { 'x-source': 'ingest', traceparent: TRACEPARENT });
  });

  it('is empty without metadata', () => {
    assert.deepEqual(buildEventHeaders(), {});
  });
});

describe('readHeaders', () => {
  it('turns buffers into text and takes the first of repeated headers', () => {
    assert.deepEqual(
      readHeaders({ a: Buffer.from('1'), b: 'two', c: [Buffer.from('x'), 'y'], d: undefined }),
      {
        a: '1',
        b: 'two',
        c: 'x',
      },
    );
    assert.deepEqual(readHeaders(undefined), {});
  });
});

describe('readTraceContext', () => {
  it('reads a well-formed traceparent with its tracestate', () => {
    assert.deepEqual(readTraceContext({ traceparent: TRACEPARENT, tracestate: 'mc=1' }), {
      traceparent: TRACEPARENT,
      tracestate: 'mc=1',
    });
    assert.deepEqual(readTraceContext({ traceparent: TRACEPARENT }), { traceparent: TRACEPARENT });
  });

  it('ignores a missing or malformed traceparent', () => {
    assert.equal(readTraceContext({}), undefined);
    assert.equal(readTraceContext({ traceparent: 'garbage', tracestate: 'mc=1' }), undefined);
  });
});

describe('buildDeadLetterHeaders', () => {
  const cause = {
    reason: 'EVENT_SCHEMA_INVALID',
    message: 'bad',
    attempts: 0,
    topic: 'readings.received.v1',
    partition: 2,
    offset: '41',
  };

  it('adds the cause and origin and keeps the original headers', () => {
    const headers = buildDeadLetterHeaders({ traceparent: Buffer.from(TRACEPARENT) }, cause);
    assert.deepEqual(readHeaders(headers), {
      traceparent: TRACEPARENT,
      [DeadLetterHeader.REASON]: 'EVENT_SCHEMA_INVALID',
      [DeadLetterHeader.MESSAGE]: 'bad',
      [DeadLetterHeader.ATTEMPTS]: '0',
      [DeadLetterHeader.ORIGINAL_TOPIC]: 'readings.received.v1',
      [DeadLetterHeader.ORIGINAL_PARTITION]: '2',
      [DeadLetterHeader.ORIGINAL_OFFSET]: '41',
    });
    assert.equal(DeadLetterHeader.REASON, 'x-dlt-reason');
    assert.equal(DeadLetterHeader.ORIGINAL_OFFSET, 'x-dlt-original-offset');
  });

  it('overrides stale dead-letter headers of a replayed record and truncates long messages', () => {
    const headers = readHeaders(
      buildDeadLetterHeaders({ 'x-dlt-reason': 'OLD' }, { ...cause, message: 'm'.repeat(5_000) }),
    );
    assert.equal(headers[DeadLetterHeader.REASON], 'EVENT_SCHEMA_INVALID');
    assert.equal(headers[DeadLetterHeader.MESSAGE]?.length, 1_000);
  });
});
