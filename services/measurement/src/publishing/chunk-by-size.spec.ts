import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkBySize } from './chunk-by-size';

const size = (item: number): number => item;

describe('chunkBySize', () => {
  it('keeps the order and closes a run before it would exceed the limit', () => {
    assert.deepEqual(chunkBySize([4, 3, 3, 5, 1], size, 10), [
      [4, 3, 3],
      [5, 1],
    ]);
  });

  it('puts an item larger than the limit in a run of its own', () => {
    assert.deepEqual(chunkBySize([2, 12, 2], size, 10), [[2], [12], [2]]);
  });

  it('gives no run for no items', () => {
    assert.deepEqual(chunkBySize([], size, 10), []);
  });
});
