import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('creates once, keeps the most recently used entries and drops the oldest', () => {
    const cache = new BoundedCache<string, number>(2);
    let created = 0;
    const create = (key: string): number => {
      created += 1;
      return key.length;
    };
    assert.equal(cache.getOrCreate('a', create), 1);
    assert.equal(cache.getOrCreate('bb', create), 2);
    assert.equal(cache.getOrCreate('a', create), 1);
    assert.equal(created, 2);
    cache.getOrCreate('ccc', create);
    assert.equal(cache.size, 2);
    cache.getOrCreate('a', create);
    assert.equal(created, 3, '"a" was used last, so "bb" went');
    cache.getOrCreate('bb', create);
    assert.equal(created, 4);
  });
});
