import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { Deferred, settle } from '@metrochain/service-kit/testing';
import { ManualClock } from '../testing/manual-clock';
import { PartitionBatcher } from './partition-batcher';

const range = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, index) => from + index);

describe('PartitionBatcher', () => {
  let clock: ManualClock;
  let flushes: { batch: number[]; done: Deferred<void> }[];
  let failures: unknown[];
  let batcher: PartitionBatcher<number>;

  beforeEach(() => {
    clock = new ManualClock(1_000);
    flushes = [];
    failures = [];
    batcher = new PartitionBatcher<number>({
      maxSize: 3,
      maxAgeMs: 50,
      flush: (batch) => {
        const done = new Deferred<void>();
        flushes.push({ batch, done });
        return done.promise;
      },
      onFailure: (error) => failures.push(error),
      now: clock.now,
      startTimer: clock.startTimer,
    });
  });

  const batches = (): number[][] => flushes.map((flush) => flush.batch);

  async function finish(index: number): Promise<void> {
    flushes[index]?.done.resolve();
    await settle();
  }

  it('closes a batch as soon as it is full, without waiting for its age', () => {
    batcher.add([1, 2, 3]);
    assert.deepEqual(batches(), [[1, 2, 3]]);
  });

  it('closes a batch that is not full once its oldest item is maxAgeMs old', () => {
    batcher.add([1]);
    clock.advance(30);
    batcher.add([2]);
    clock.advance(19);
    assert.deepEqual(batches(), []);
    clock.advance(1);
    assert.deepEqual(batches(), [[1, 2]]);
  });

  it('keeps at most one batch in flight; the next goes when it settled, in order', async () => {
    batcher.add(range(1, 7));
    assert.deepEqual(batches(), [[1, 2, 3]]);
    clock.advance(1_000);
    assert.equal(batcher.busy, true);
    assert.deepEqual(batches(), [[1, 2, 3]]);
    await finish(0);
    assert.deepEqual(batches(), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await finish(1);
    // The last item has waited since the start, longer than maxAgeMs: it goes at once.
    assert.deepEqual(batches(), [[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('counts the age of what waits while a batch is in flight', async () => {
    batcher.add([1, 2, 3]);
    batcher.add([4]);
    clock.advance(10);
    await finish(0);
    assert.deepEqual(batches(), [[1, 2, 3]]);
    clock.advance(40);
    assert.deepEqual(batches(), [[1, 2, 3], [4]]);
  });

  it('never puts more than maxSize items in a batch', async () => {
    batcher.add(range(1, 10));
    for (let index = 0; index < 4; index += 1) {
      clock.advance(50);
      await finish(index);
    }
    assert.deepEqual(batches(), [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
    assert.ok(batches().every((batch) => batch.length <= 3));
  });

  it('has room while fewer than a full batch wait, and says so when a batch is taken', async () => {
    batcher.add(range(1, 3));
    assert.equal(batcher.hasRoom(), true);
    batcher.add(range(4, 3));
    assert.equal(batcher.hasRoom(), false);
    let roomy = false;
    void batcher.waitForRoom().then(() => {
      roomy = true;
    });
    await settle();
    assert.equal(roomy, false);
    await finish(0);
    assert.equal(roomy, true);
    assert.equal(batcher.pending, 0);
  });

  it('drops what waits but not what is in flight when told to discard', async () => {
    batcher.add(range(1, 5));
    batcher.discardPending();
    assert.equal(batcher.pending, 0);
    await finish(0);
    clock.advance(1_000);
    assert.deepEqual(batches(), [[1, 2, 3]]);
    assert.equal(clock.pendingTimers, 0);
  });

  it('stops for good when a flush fails, so that no later batch is taken past it', async () => {
    batcher.add(range(1, 4));
    flushes[0]?.done.reject(new Error('aborted'));
    await settle();
    assert.deepEqual(failures.map(String), ['Error: aborted']);
    assert.equal(batcher.failed, true);
    batcher.add([5]);
    clock.advance(1_000);
    assert.deepEqual(batches(), [[1, 2, 3]]);
    assert.equal(batcher.hasRoom(), true);
  });

  it('is idle once the batch in flight settled', async () => {
    batcher.add(range(1, 3));
    let idle = false;
    void batcher.idle().then(() => {
      idle = true;
    });
    await settle();
    assert.equal(idle, false);
    await finish(0);
    assert.equal(idle, true);
  });
});
