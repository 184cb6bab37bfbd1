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

/** How long an anchored batch stays in Redis: 30 days, as the audit's raw-data index (docs/pki.md, Log retention). */
export const DEFAULT_LOG_RETENTION_SECONDS = 30 * 86_400;

/**
 * The log in Redis: a hash per batch (index → canonical JSON), the anchor per batch, and each instance's set of
 * batches not yet anchored. Appends issued in the same tick go out as one pipeline, so a check costs a fraction of
 * a round trip. Once a batch is anchored, its hash and its anchor expire after the retention: Redis is the log's
 * working store, not its archive (the records stay in verifications.v1 and the roots on the ledger); without it the
 * hour's soak measured ~0.6 KB of Redis per reading kept for ever.
 */
export class RedisLogStore implements LogStore {
  readonly #redis: LogRedis;
  readonly #retentionSeconds: number;
  #pending: PendingAppend[] = [];

  constructor(redis: LogRedis, retentionSeconds: number = DEFAULT_LOG_RETENTION_SECONDS) {
    this.#redis = redis;
    this.#retentionSeconds = retentionSeconds;
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
      .set(ANCHOR_PREFIX + anchor.batchId, JSON.stringify(anchor), 'EX', this.#retentionSeconds)
      .expire(BATCH_PREFIX + anchor.batchId, this.#retentionSeconds)
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
    // One HSET per log batch with all of this tick's records: Redis commands, not records, are what cost here.
    const byBatch = new Map<string, { owner: string; fields: string[] }>();
    for (const entry of batch) {
      let group = byBatch.get(entry.batchId);
      if (group === undefined) {
        group = { owner: entry.owner, fields: [] };
        byBatch.set(entry.batchId, group);
      }
      group.fields.push(String(entry.index), entry.json);
    }
    const pipeline = this.#redis.pipeline();
    for (const [batchId, group] of byBatch) {
      pipeline.sadd(OPEN_PREFIX + group.owner, batchId);
      pipeline.hset(BATCH_PREFIX + batchId, ...group.fields);
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
