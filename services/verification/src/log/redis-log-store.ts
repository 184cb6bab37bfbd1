import { batchAnchorSchema } from '@metrochain/contracts';
import type { Redis } from 'ioredis';
import type { BatchAnchor, LogStore } from './log-ports';

const BATCH_PREFIX = 'verification:log:batch:';
const ANCHOR_PREFIX = 'verification:log:anchor:';
const OPEN_PREFIX = 'verification:log:open:';

interface PendingAppend {
  owner: string;
  batchId: string;
  index: number;
  json: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export type LogRedis = Pick<Redis, 'pipeline' | 'hgetall' | 'get' | 'smembers' | 'multi'>;

/**
 * The log in Redis: a hash per batch (index → canonical JSON), the anchor per batch, and each instance's set of
 * batches not yet anchored. Appends issued in the same tick go out as one pipeline, so a check costs a fraction of
 * a round trip.
 */
export class RedisLogStore implements LogStore {
  readonly #redis: LogRedis;
  #pending: PendingAppend[] = [];

  constructor(redis: LogRedis) {
    this.#redis = redis;
  }

  append(owner: string, batchId: string, index: number, json: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending.length === 0) {
        setImmediate(() => {
          void this.#flush();
        });
      }
      this.#pending.push({ owner, batchId, index, json, resolve, reject });
    });
  }

  async readBatch(batchId: string): Promise<Map<number, string>> {
    const fields = await this.#redis.hgetall(BATCH_PREFIX + batchId);
    return new Map(Object.entries(fields).map(([index, json]) => [Number(index), json]));
  }

  async writeAnchor(owner: string, anchor: Readonly<BatchAnchor>): Promise<void> {
    await this.#redis
      .multi()
      .set(ANCHOR_PREFIX + anchor.batchId, JSON.stringify(anchor))
      .srem(OPEN_PREFIX + owner, anchor.batchId)
      .exec();
  }

  async readAnchor(batchId: string): Promise<BatchAnchor | undefined> {
    const json = await this.#redis.get(ANCHOR_PREFIX + batchId);
    if (json === null) {
      return undefined;
    }
    return batchAnchorSchema.parse(JSON.parse(json));
  }

  async openBatches(owner: string): Promise<string[]> {
    return this.#redis.smembers(OPEN_PREFIX + owner);
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    const pipeline = this.#redis.pipeline();
    const opened = new Set<string>();
    for (const entry of batch) {
      if (!opened.has(entry.batchId)) {
        opened.add(entry.batchId);
        pipeline.sadd(OPEN_PREFIX + entry.owner, entry.batchId);
      }
      pipeline.hset(BATCH_PREFIX + entry.batchId, String(entry.index), entry.json);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      const failure = results.find(([error]) => error !== null)?.[0];
      settle(batch, failure ?? undefined);
    } catch (error) {
      settle(batch, error);
    }
  }
}

function settle(batch: readonly PendingAppend[], error: unknown): void {
  for (const entry of batch) {
    if (error === undefined) {
      entry.resolve();
    } else {
      entry.reject(error);
    }
  }
}
