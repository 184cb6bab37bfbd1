import type { Redis } from 'ioredis';

/** The next block the feed reads, kept durably so that a restart resumes where the last run stopped. */
export interface BlockCheckpoint {
  load(): Promise<number | undefined>;
  save(nextBlock: number): Promise<void>;
}

export const BLOCK_CHECKPOINT_KEY = 'audit:blocks:next';

export class RedisBlockCheckpoint implements BlockCheckpoint {
  readonly #redis: Pick<Redis, 'get' | 'set'>;

  constructor(redis: Pick<Redis, 'get' | 'set'>) {
    this.#redis = redis;
  }

  async load(): Promise<number | undefined> {
    const value = await this.#redis.get(BLOCK_CHECKPOINT_KEY);
    if (value === null) {
      return undefined;
    }
    const next = Number(value);
    return Number.isSafeInteger(next) && next >= 0 ? next : undefined;
  }

  async save(nextBlock: number): Promise<void> {
    await this.#redis.set(BLOCK_CHECKPOINT_KEY, String(nextBlock));
  }
}
