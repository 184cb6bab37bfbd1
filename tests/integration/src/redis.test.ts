import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { networkProfile } from './support/network';

describe('Redis on the local network', () => {
  const redis = new Redis(networkProfile().redis.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  after(async () => {
    await redis.quit();
  });

  it('round-trips a value with a TTL', async () => {
    const key = `it:roundtrip:${String(Date.now())}`;
    assert.equal(await redis.set(key, 'challenge', 'EX', 30), 'OK');
    assert.equal(await redis.get(key), 'challenge');
    const ttl = await redis.ttl(key);
    assert.ok(ttl > 0 && ttl <= 30);
    assert.equal(await redis.del(key), 1);
    assert.equal(await redis.get(key), null);
  });
});
