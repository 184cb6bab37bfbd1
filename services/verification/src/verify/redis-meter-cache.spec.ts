import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { type MeterCacheRedis, RedisMeterCache } from './redis-meter-cache';

/**
 * The four commands the cache sends, over a map. The script is recognised by what it must do (read the generation
 * key, compare it with ARGV[2], SET the record with EX ARGV[3]) and run here with the same arguments.
 */
class FakeMeterCacheRedis {
  readonly strings = new Map<string, string>();
  readonly ttls = new Map<string, number>();
  readonly transactions: string[][] = [];

  mget(...keys: string[]): Promise<(string | null)[]> {
    return Promise.resolve(keys.map((key) => this.strings.get(key) ?? null));
  }

  eval(script: string, numKeys: number, ...args: string[]): Promise<number> {
    const [recordKey, generationKey, json, generation, ttl] = args;
    if (
      numKeys !== 2 ||
      args.length !== 5 ||
      !script.includes("redis.call('GET', KEYS[2]) or '0'") ||
      !script.includes('current == ARGV[2]') ||
      !script.includes("redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])") ||
      recordKey === undefined ||
      generationKey === undefined ||
      json === undefined ||
      ttl === undefined
    ) {
      return Promise.reject(new Error('the fake runs the write-if-generation script only'));
    }
    if ((this.strings.get(generationKey) ?? '0') !== generation) {
      return Promise.resolve(0);
    }
    this.strings.set(recordKey, json);
    this.ttls.set(recordKey, Number(ttl));
    return Promise.resolve(1);
  }

  multi(): unknown {
    const commands: (() => void)[] = [];
    const names: string[] = [];
    const chain = {
      del: (key: string) => {
        names.push(`del ${key}`);
        commands.push(() => this.strings.delete(key));
        return chain;
      },
      incr: (key: string) => {
        names.push(`incr ${key}`);
        commands.push(() => this.strings.set(key, String(Number(this.strings.get(key) ?? '0') + 1)));
        return chain;
      },
      exec: () => {
        this.transactions.push(names);
        commands.forEach((command) => {
          command();
        });
        return Promise.resolve(commands.map(() => [null, 1]));
      },
    };
    return chain;
  }

  asRedis(): MeterCacheRedis {
    return this as unknown as MeterCacheRedis;
  }
}

const RECORD = JSON.stringify({ meterId: 'meter-1', status: 'active' });

describe('RedisMeterCache', () => {
  let redis: FakeMeterCacheRedis;
  let cache: RedisMeterCache;
  beforeEach(() => {
    redis = new FakeMeterCacheRedis();
    cache = new RedisMeterCache(redis.asRedis());
  });

  it('reads nothing at generation 0 for a meter never cached or invalidated', async () => {
    assert.deepEqual(await cache.read('meter-1'), { json: undefined, generation: '0' });
  });

  it('stores the record under verification:meter:<id> with the TTL when the generation is unchanged', async () => {
    await cache.writeIfGeneration('meter-1', RECORD, '0', 300);
    assert.equal(redis.strings.get('verification:meter:meter-1'), RECORD);
    assert.equal(redis.ttls.get('verification:meter:meter-1'), 300);
    assert.deepEqual(await cache.read('meter-1'), { json: RECORD, generation: '0' });
  });

  it('invalidates in one transaction: deletes the record and bumps verification:meter-gen:<id>', async () => {
    await cache.writeIfGeneration('meter-1', RECORD, '0', 300);
    await cache.invalidate('meter-1');
    assert.deepEqual(redis.transactions, [
      ['del verification:meter:meter-1', 'incr verification:meter-gen:meter-1'],
    ]);
    assert.deepEqual(await cache.read('meter-1'), { json: undefined, generation: '1' });
    await cache.invalidate('meter-1');
    assert.equal((await cache.read('meter-1')).generation, '2');
  });

  it('refuses a write read under a generation an invalidation has since bumped', async () => {
    const before = await cache.read('meter-1');
    await cache.invalidate('meter-1');
    await cache.writeIfGeneration('meter-1', RECORD, before.generation, 300);
    assert.deepEqual(await cache.read('meter-1'), { json: undefined, generation: '1' });
    await cache.writeIfGeneration('meter-1', RECORD, '1', 300);
    assert.deepEqual(await cache.read('meter-1'), { json: RECORD, generation: '1' });
  });

  it('keeps each meter’s generation to itself', async () => {
    await cache.invalidate('meter-1');
    await cache.writeIfGeneration('meter-2', RECORD, '0', 60);
    assert.deepEqual(await cache.read('meter-2'), { json: RECORD, generation: '0' });
    assert.equal((await cache.read('meter-1')).generation, '1');
  });
});
