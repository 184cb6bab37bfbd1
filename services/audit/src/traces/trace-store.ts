import type { TraceSpan, TraceSummary, TraceView } from '@metrochain/contracts';
import type { Redis } from 'ioredis';

const SPANS = (traceId: string): string => `audit:trace:${traceId}`;
/** Trace ids by the start of their earliest span (ms). */
const RECENT = 'audit:traces';

export interface TraceRetention {
  ttlSeconds: number;
  maxTraces: number;
  maxSpansPerTrace: number;
}

export type TraceRedis = Pick<
  Redis,
  'pipeline' | 'multi' | 'hvals' | 'zrevrange' | 'zcard' | 'zpopmin' | 'del'
>;

/** What TraceService needs from its store. */
export interface TraceStorePort {
  /** Stores the spans; returns how many were refused because their trace is full. */
  save(spans: readonly TraceSpan[]): Promise<number>;
  spans(traceId: string): Promise<TraceSpan[]>;
  recent(limit: number): Promise<TraceSpan[][]>;
}

/**
 * Spans in Redis: one hash per trace (span id → span as JSON, so a span exported twice is stored once) that expires
 * `ttlSeconds` after its last span arrived, and one sorted set of the trace ids by start, capped at `maxTraces`
 * (the oldest traces are dropped with their spans).
 */
export class TraceStore implements TraceStorePort {
  readonly #redis: TraceRedis;
  readonly #retention: TraceRetention;

  constructor(redis: TraceRedis, retention: TraceRetention) {
    this.#redis = redis;
    this.#retention = retention;
  }

  async save(spans: readonly TraceSpan[]): Promise<number> {
    const byTrace = new Map<string, TraceSpan[]>();
    for (const span of spans) {
      byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
    }
    const traceIds = [...byTrace.keys()];
    if (traceIds.length === 0) {
      return 0;
    }
    const sizes = await this.#sizes(traceIds);
    const { ttlSeconds, maxSpansPerTrace } = this.#retention;
    const multi = this.#redis.multi();
    let refused = 0;
    traceIds.forEach((traceId, index) => {
      const room = Math.max(0, maxSpansPerTrace - (sizes[index] ?? 0));
      const all = byTrace.get(traceId) ?? [];
      const kept = all.slice(0, room);
      refused += all.length - kept.length;
      if (kept.length === 0) {
        return;
      }
      multi.hset(SPANS(traceId), Object.fromEntries(kept.map((span) => [span.spanId, JSON.stringify(span)])));
      multi.expire(SPANS(traceId), ttlSeconds);
      // LT: a trace is listed by its earliest span, whichever export brought it.
      multi.zadd(RECENT, 'LT', Math.min(...kept.map((span) => span.startMs)), traceId);
    });
    multi.expire(RECENT, ttlSeconds);
    await multi.exec();
    await this.#trim();
    return refused;
  }

  async spans(traceId: string): Promise<TraceSpan[]> {
    return parseSpans(await this.#redis.hvals(SPANS(traceId)));
  }

  /** The spans of the `limit` traces that started last, newest first; expired traces are left out. */
  async recent(limit: number): Promise<TraceSpan[][]> {
    const traceIds = await this.#redis.zrevrange(RECENT, 0, limit - 1);
    const pipeline = this.#redis.pipeline();
    for (const traceId of traceIds) {
      pipeline.hvals(SPANS(traceId));
    }
    const results = (await pipeline.exec()) ?? [];
    return results
      .map(([, values]) => parseSpans(Array.isArray(values) ? (values as string[]) : []))
      .filter((spans) => spans.length > 0);
  }

  async #sizes(traceIds: readonly string[]): Promise<number[]> {
    const pipeline = this.#redis.pipeline();
    for (const traceId of traceIds) {
      pipeline.hlen(SPANS(traceId));
    }
    const results = (await pipeline.exec()) ?? [];
    return results.map(([, size]) => (typeof size === 'number' ? size : 0));
  }

  async #trim(): Promise<void> {
    const over = (await this.#redis.zcard(RECENT)) - this.#retention.maxTraces;
    if (over <= 0) {
      return;
    }
    const popped = await this.#redis.zpopmin(RECENT, over);
    const dropped = popped.filter((_, index) => index % 2 === 0);
    if (dropped.length > 0) {
      await this.#redis.del(...dropped.map(SPANS));
    }
  }
}

function parseSpans(values: readonly string[]): TraceSpan[] {
  return values
    .map((value) => JSON.parse(value) as TraceSpan)
    .sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));
}

/** The view of a trace's spans (sorted by start). */
export function traceViewOf(traceId: string, spans: readonly TraceSpan[]): TraceView {
  const { startMs, durationMs } = extentOf(spans);
  return {
    traceId,
    services: servicesOf(spans),
    startedAt: new Date(startMs).toISOString(),
    durationMs,
    spans: [...spans],
  };
}

export function traceSummaryOf(spans: readonly TraceSpan[]): TraceSummary | undefined {
  const first = spans[0];
  if (first === undefined) {
    return undefined;
  }
  const ids = new Set(spans.map((span) => span.spanId));
  const root = spans.find((span) => span.parentSpanId === null || !ids.has(span.parentSpanId)) ?? first;
  const { startMs, durationMs } = extentOf(spans);
  return {
    traceId: first.traceId,
    rootName: root.name,
    services: servicesOf(spans),
    spanCount: spans.length,
    startedAt: new Date(startMs).toISOString(),
    durationMs,
  };
}

function extentOf(spans: readonly TraceSpan[]): { startMs: number; durationMs: number } {
  if (spans.length === 0) {
    return { startMs: 0, durationMs: 0 };
  }
  const startMs = Math.min(...spans.map((span) => span.startMs));
  const endMs = Math.max(...spans.map((span) => span.startMs + span.durationMs));
  return { startMs, durationMs: Math.round((endMs - startMs) * 1000) / 1000 };
}

function servicesOf(spans: readonly TraceSpan[]): string[] {
  return [...new Set(spans.map((span) => span.service))];
}
