import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { spansOf } from './otlp-spans';
import { INGEST_SPAN, TRACE_ID, VERIFY_SPAN, exportOf } from './trace-fixtures';
import { TraceStore } from './trace-store';
import { ThrowawayRedis, redisMissing } from '@metrochain/service-kit/testing';

const RETENTION = { ttlSeconds: 600, maxTraces: 3, maxSpansPerTrace: 2 };

describe('TraceStore against a real redis-server', { skip: redisMissing }, () => {
  let redis: ThrowawayRedis;
  let store: TraceStore;
  before(async () => {
    redis = await ThrowawayRedis.start();
    store = new TraceStore(redis.client, RETENTION);
  });
  after(() => redis.stop());
  beforeEach(() => redis.client.flushall());

  it('keeps a span exported twice once, caps the spans per trace and expires the trace', async () => {
    const spans = spansOf(
      exportOf('measurement', [
        { spanId: INGEST_SPAN, name: 'measurement.ingest', startMs: 5, durationMs: 1 },
        { spanId: VERIFY_SPAN, parent: INGEST_SPAN, name: 'verify', startMs: 7, durationMs: 1 },
      ]),
    );
    assert.equal(await store.save(spans.slice(0, 1)), 0);
    assert.equal(await store.save(spans.slice(0, 1)), 0);
    assert.equal((await store.spans(TRACE_ID)).length, 1);
    assert.equal(await store.save(spans.slice(1)), 0);
    assert.equal((await store.spans(TRACE_ID)).length, 2);
    const third = spansOf(
      exportOf('billing', [{ spanId: 'd'.repeat(16), name: 'x', startMs: 0, durationMs: 1 }]),
    );
    assert.equal(await store.save(third), 1);
    const ttl = await redis.client.ttl(`audit:trace:${TRACE_ID}`);
    assert.ok(ttl > 590 && ttl <= 600, `ttl ${String(ttl)}`);
    assert.deepEqual(
      (await store.spans(TRACE_ID)).map((span) => span.name),
      ['measurement.ingest', 'verify'],
    );
  });

  it('lists traces newest first and drops the oldest beyond the cap, spans included', async () => {
    for (let index = 0; index < 5; index += 1) {
      const traceId = String(index).repeat(32);
      await store.save(
        spansOf(
          exportOf(
            'audit',
            [{ spanId: INGEST_SPAN, name: `t${String(index)}`, startMs: index * 1000, durationMs: 1 }],
            traceId,
          ),
        ),
      );
    }
    const recent = await store.recent(10);
    assert.deepEqual(
      recent.map((spans) => spans[0]?.name),
      ['t4', 't3', 't2'],
    );
    assert.deepEqual(await store.spans('0'.repeat(32)), []);
  });
});
