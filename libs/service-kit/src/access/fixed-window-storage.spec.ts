import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FixedWindowStorage } from './fixed-window-storage';

describe('FixedWindowStorage', () => {
  it('counts hits per key in a window, blocks above the limit until the window ends, then starts again', async () => {
    let now = 0;
    const storage = new FixedWindowStorage(() => now);
    const hit = (key = 'a'): ReturnType<FixedWindowStorage['increment']> =>
      storage.increment(key, 1_000, 2, 0, 'default');
    assert.deepEqual((await hit()).isBlocked, false);
    assert.deepEqual((await hit()).isBlocked, false);
    const third = await hit();
    assert.deepEqual([third.isBlocked, third.timeToBlockExpire], [true, 1]);
    assert.equal((await hit('b')).isBlocked, false, 'another key has its own window');
    now = 999;
    assert.equal((await hit()).isBlocked, true);
    now = 1_000;
    const fresh = await hit();
    assert.deepEqual([fresh.isBlocked, fresh.totalHits], [false, 1]);
  });

  it('keeps a key blocked for the block duration when one is given', async () => {
    let now = 0;
    const storage = new FixedWindowStorage(() => now);
    await storage.increment('k', 1_000, 1, 5_000, 'default');
    const blocked = await storage.increment('k', 1_000, 1, 5_000, 'default');
    assert.deepEqual([blocked.isBlocked, blocked.timeToBlockExpire], [true, 5]);
    now = 2_000;
    assert.equal((await storage.increment('k', 1_000, 1, 5_000, 'default')).isBlocked, true);
    now = 5_000;
    assert.equal((await storage.increment('k', 1_000, 1, 5_000, 'default')).isBlocked, false);
  });
});
