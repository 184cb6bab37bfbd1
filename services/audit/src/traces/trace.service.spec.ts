import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceSpan } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { INGEST_SPAN, TRACE_ID, VERIFY_SPAN, exportOf } from './trace-fixtures';
import type { TraceStorePort } from './trace-store';
import { TraceService } from './trace.service';

/** Keeps spans per trace in memory, at most `max` per trace. */
class MemoryTraceStore implements TraceStorePort {
  readonly traces = new Map<string, Map<string, TraceSpan>>();
  constructor(private readonly max = 100) {}

  save(spans: readonly TraceSpan[]): Promise<number> {
    let refused = 0;
    for (const span of spans) {
      const trace = this.traces.get(span.traceId) ?? new Map<string, TraceSpan>();
      this.traces.set(span.traceId, trace);
      if (trace.size >= this.max) {
        refused += 1;
      } else {
        trace.set(span.spanId, span);
      }
    }
    return Promise.resolve(refused);
  }

  spans(traceId: string): Promise<TraceSpan[]> {
    return Promise.resolve(
      [...(this.traces.get(traceId)?.values() ?? [])].sort((a, b) => a.startMs - b.startMs),
    );
  }

  recent(limit: number): Promise<TraceSpan[][]> {
    return Promise.all([...this.traces.keys()].slice(0, limit).map((traceId) => this.spans(traceId)));
  }
}

const LOCAL = { ip: '127.0.0.1', token: undefined };
const TOKEN = 't'.repeat(32);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
  return 'none';
}

describe('TraceService', () => {
  it('stores the spans of exports from several services as one trace with parents, services and timings', async () => {
    const store = new MemoryTraceStore();
    const traces = new TraceService({ store, token: undefined });
    const ingest = [{ spanId: INGEST_SPAN, name: 'measurement.ingest', startMs: 0, durationMs: 12 }];
    const verify = [
      {
        spanId: VERIFY_SPAN,
        parent: INGEST_SPAN,
        name: 'readings.received.v1 process',
        startMs: 20,
        durationMs: 30,
      },
    ];
    assert.deepEqual(await traces.receive(exportOf('measurement', ingest), LOCAL), {});
    assert.deepEqual(
      await traces.receive(exportOf('verification', verify), { ip: '::1', token: undefined }),
      {},
    );
    const view = await traces.get(TRACE_ID);
    assert.deepEqual(view.services, ['measurement', 'verification']);
    assert.equal(view.durationMs, 50);
    const [first, second] = view.spans;
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.parentSpanId, null);
    assert.equal(first.kind, 'server');
    assert.deepEqual(first.attributes, { 'measurement.readings': 1, ok: true });
    assert.equal(second.parentSpanId, INGEST_SPAN);
    assert.equal(second.service, 'verification');
    assert.equal(second.durationMs, 30);
    const [summary] = await traces.list({ limit: 10 });
    assert.equal(summary?.rootName, 'measurement.ingest');
    assert.equal(summary.spanCount, 2);
  });

  it('refuses exports from other hosts unless they carry the configured token', async () => {
    const store = new MemoryTraceStore();
    const body = exportOf('billing', [{ spanId: INGEST_SPAN, name: 'x', startMs: 0, durationMs: 1 }]);
    const closed = new TraceService({ store, token: undefined });
    assert.equal(await codeOf(closed.receive(body, { ip: '10.0.0.7', token: TOKEN })), 'ACCESS_FORBIDDEN');
    const open = new TraceService({ store, token: TOKEN });
    assert.equal(await codeOf(open.receive(body, { ip: '10.0.0.7', token: undefined })), 'ACCESS_FORBIDDEN');
    assert.equal(
      await codeOf(open.receive(body, { ip: '10.0.0.7', token: 'x'.repeat(32) })),
      'ACCESS_FORBIDDEN',
    );
    assert.equal(store.traces.size, 0);
    assert.deepEqual(await open.receive(body, { ip: '10.0.0.7', token: TOKEN }), {});
    assert.equal(store.traces.size, 1);
  });

  it('refuses a body that is not OTLP/JSON with REQUEST_INVALID and stores nothing', async () => {
    const store = new MemoryTraceStore();
    const traces = new TraceService({ store, token: undefined });
    const bad = exportOf('audit', [{ spanId: 'nothex', name: 'x', startMs: 0, durationMs: 1 }]);
    for (const body of [undefined, 'spans', { resourceSpans: 'x' }, bad]) {
      assert.equal(await codeOf(traces.receive(body, LOCAL)), 'REQUEST_INVALID');
    }
    assert.equal(store.traces.size, 0);
  });

  it('answers a partial success naming the spans a full trace refused, and TRACE_UNKNOWN for no spans', async () => {
    const traces = new TraceService({ store: new MemoryTraceStore(1), token: undefined });
    const body = exportOf('audit', [
      { spanId: INGEST_SPAN, name: 'a', startMs: 0, durationMs: 1 },
      { spanId: VERIFY_SPAN, name: 'b', startMs: 1, durationMs: 1 },
    ]);
    const answer = await traces.receive(body, LOCAL);
    assert.equal(answer.partialSuccess?.rejectedSpans, 1);
    assert.equal(await codeOf(traces.get('f'.repeat(32))), 'TRACE_UNKNOWN');
  });
});
