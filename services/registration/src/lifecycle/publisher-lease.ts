import type { Redis } from 'ioredis';

/** The one Redis key every registration instance competes for: whoever holds it publishes lifecycle events. */
export const LIFECYCLE_LEASE_KEY = 'registration:lifecycle-publisher:lease';

// Compare-and-act in one step: only the holder may extend or drop the lease.
const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export type LeaseRedis = Pick<Redis, 'set' | 'eval' | 'get'>;

/** A time-limited exclusive right; `isHeld` is what the holder may rely on locally, by its own clock. */
export interface Lease {
  readonly ttlMs: number;
  /** Takes the lease if nobody holds it. */
  acquire(): Promise<boolean>;
  /** Extends the lease if this holder still has it; false means it lapsed and maybe went to another. */
  renew(): Promise<boolean>;
  /** Gives the lease up (if still held), so that a standby need not wait for it to lapse. */
  release(): Promise<void>;
  /** True while the lease is certainly held for at least `marginMs` more, counted from before the last renewal. */
  isHeld(marginMs?: number): boolean;
}

export interface RedisLeaseOptions {
  redis: LeaseRedis;
  /** Unique per process start, so that a restarted instance never mistakes its predecessor's lease for its own. */
  holder: string;
  ttlMs: number;
  key?: string;
  now?: () => number;
}

/** SET NX PX to take, a compare-and-PEXPIRE script to renew, a compare-and-DEL script to release. */
export class RedisLease implements Lease {
  readonly ttlMs: number;
  readonly #redis: LeaseRedis;
  readonly #holder: string;
  readonly #key: string;
  readonly #now: () => number;
  #validUntil = 0;

  constructor(options: Readonly<RedisLeaseOptions>) {
    this.#redis = options.redis;
    this.#holder = options.holder;
    this.ttlMs = options.ttlMs;
    this.#key = options.key ?? LIFECYCLE_LEASE_KEY;
    this.#now = options.now ?? Date.now;
  }

  async acquire(): Promise<boolean> {
    // The clock is read before the command: the lease may have started any time after, never before.
    const sentAt = this.#now();
    const taken = await this.#redis.set(this.#key, this.#holder, 'PX', this.ttlMs, 'NX');
    return this.#settle(taken === 'OK', sentAt);
  }

  async renew(): Promise<boolean> {
    const sentAt = this.#now();
    const renewed = await this.#redis.eval(RENEW_SCRIPT, 1, this.#key, this.#holder, String(this.ttlMs));
    return this.#settle(renewed === 1, sentAt);
  }

  async release(): Promise<void> {
    this.#validUntil = 0;
    await this.#redis.eval(RELEASE_SCRIPT, 1, this.#key, this.#holder);
  }

  isHeld(marginMs = 0): boolean {
    return this.#now() + marginMs < this.#validUntil;
  }

  /** Who holds the lease now, if anyone. */
  holder(): Promise<string | null> {
    return this.#redis.get(this.#key);
  }

  #settle(held: boolean, sentAt: number): boolean {
    this.#validUntil = held ? sentAt + this.ttlMs : 0;
    return held;
  }
}
