import type { ChallengeRedis } from './challenge.store';

interface Entry {
  value: string;
  expiresAtMs: number;
}

/** In-memory stand-in for the Redis commands the challenge store uses, with a clock the test moves. */
export class FakeChallengeRedis {
  readonly entries = new Map<string, Entry>();
  readonly ttls = new Map<string, number>();
  nowMs = 0;

  set(key: string, value: string, ex: string, seconds: number, nx: string): Promise<'OK' | null> {
    if (ex !== 'EX' || nx !== 'NX') {
      throw new Error('the fake supports SET key value EX seconds NX only');
    }
    if (this.#live(key) !== undefined) {
      return Promise.resolve(null);
    }
    this.entries.set(key, { value, expiresAtMs: this.nowMs + seconds * 1000 });
    this.ttls.set(key, seconds);
    return Promise.resolve('OK');
  }

  getdel(key: string): Promise<string | null> {
    const entry = this.#live(key);
    this.entries.delete(key);
    return Promise.resolve(entry?.value ?? null);
  }

  asRedis(): ChallengeRedis {
    return this as unknown as ChallengeRedis;
  }

  #live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAtMs > this.nowMs ? entry : undefined;
  }
}
