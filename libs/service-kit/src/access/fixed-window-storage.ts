import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  endsAt: number;
  hits: number;
  blockedUntil: number;
}

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** Expired windows are swept after this many hits, so that keys of clients long gone do not accumulate. */
const SWEEP_EVERY = 10_000;

/**
 * Fixed-window counters for @nestjs/throttler, O(1) per hit. Written here because the library's default storage keeps
 * one timestamp per hit and filters all of them on every hit: a client writing thousands of times a second (the
 * benchmarks, a fleet gateway, per-meter ingest counts) made each request cost O(hits in the window). A fixed window
 * allows up to twice the limit across a window boundary, which is fine for abuse limits.
 */
export class FixedWindowStorage implements ThrottlerStorage {
  readonly #windows = new Map<string, Window>();
  readonly #now: () => number;
  #sinceSweep = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.#now();
    this.#sweepSometimes(now);
    const id = `${throttlerName}:${key}`;
    let window = this.#windows.get(id);
    if (window === undefined || (now >= window.endsAt && now >= window.blockedUntil)) {
      window = { endsAt: now + ttl, hits: 0, blockedUntil: 0 };
      this.#windows.set(id, window);
    }
    if (window.blockedUntil <= now) {
      window.hits += 1;
      if (window.hits > limit) {
        window.blockedUntil = now + (blockDuration > 0 ? blockDuration : window.endsAt - now);
      }
    }
    const isBlocked = window.blockedUntil > now;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.endsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.max(1, Math.ceil((window.blockedUntil - now) / 1000)) : 0,
    });
  }

  #sweepSometimes(now: number): void {
    this.#sinceSweep += 1;
    if (this.#sinceSweep < SWEEP_EVERY) {
      return;
    }
    this.#sinceSweep = 0;
    for (const [id, window] of this.#windows) {
      if (now >= window.endsAt && now >= window.blockedUntil) {
        this.#windows.delete(id);
      }
    }
  }
}
