import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { beforeEach, describe, it } from 'node:test';
import { FakeLeaseRedis } from './lifecycle.fakes';
import { LIFECYCLE_LEASE_KEY, RedisLease } from './publisher-lease';

describe('RedisLease', () => {
  let redis: FakeLeaseRedis;
  const lease = (holder: string, ttlMs = 1000, now?: () => number): RedisLease =>
    new RedisLease({ redis: redis.asRedis(), holder, ttlMs, ...(now === undefined ? {} : { now }) });
  beforeEach(() => {
    redis = new FakeLeaseRedis();
  });

  it('goes to one holder at a time, under the shared key', async () => {
    const first = lease('ptb/1');
    const second = lease('inmetro/1');
    assert.equal(await first.acquire(), true);
    assert.equal(await second.acquire(), false);
    assert.equal(redis.entries.get(LIFECYCLE_LEASE_KEY)?.value, 'ptb/1');
    assert.equal(await second.holder(), 'ptb/1');
    assert.equal(first.isHeld(), true);
    assert.equal(second.isHeld(), false);
  });

  it('renews for its holder only', async () => {
    const first = lease('ptb/1');
    const second = lease('inmetro/1');
    await first.acquire();
    assert.equal(await second.renew(), false);
    assert.equal(await first.renew(), true);
    assert.equal(first.isHeld(), true);
  });

  it('passes to a standby once it lapsed, and the former holder learns it on renewal', async () => {
    const first = lease('ptb/1', 30);
    const second = lease('inmetro/1', 30);
    await first.acquire();
    await delay(45);
    assert.equal(first.isHeld(), false);
    assert.equal(await second.acquire(), true);
    assert.equal(await first.renew(), false);
    assert.equal(await second.holder(), 'inmetro/1');
  });

  it('is released for a standby at once, but never on behalf of another holder', async () => {
    const first = lease('ptb/1');
    const second = lease('inmetro/1');
    await first.acquire();
    await second.release();
    assert.equal(await second.acquire(), false);
    await first.release();
    assert.equal(first.isHeld(), false);
    assert.equal(await second.acquire(), true);
  });

  it('counts its validity from before the command, with the margin asked for', async () => {
    let clock = 1_000;
    const timed = lease('ptb/1', 900, () => clock);
    await timed.acquire();
    clock = 1_500;
    assert.equal(timed.isHeld(), true);
    assert.equal(timed.isHeld(300), true);
    assert.equal(timed.isHeld(400), false);
    clock = 1_900;
    assert.equal(timed.isHeld(), false);
  });

  it('fails its commands while Redis is down and keeps its local validity', async () => {
    const first = lease('ptb/1');
    await first.acquire();
    redis.down = true;
    await assert.rejects(first.renew());
    assert.equal(first.isHeld(), true);
  });
});
