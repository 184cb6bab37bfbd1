import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('tells a repeated id from a new one', () => {
    const recent = new RecentIds(3);
    assert.equal(recent.add('a'), true);
    assert.equal(recent.add('b'), true);
    assert.equal(recent.add('a'), false);
  });

  it('forgets the oldest ids beyond its capacity, in the order they came', () => {
    const recent = new RecentIds(2);
    for (const id of ['a', 'b', 'c', 'd']) {
      assert.equal(recent.add(id), true);
    }
    assert.equal(recent.add('c'), false);
    assert.equal(recent.add('d'), false);
    assert.equal(recent.add('a'), true);
    assert.equal(recent.add('b'), true);
    assert.equal(recent.add('a'), false);
  });
});
