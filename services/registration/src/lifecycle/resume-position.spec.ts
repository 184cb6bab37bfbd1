import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LedgerPosition, ResumeFilter, resumePositionOf, startBlockOf } from './resume-position';

const change = (blockNumber: number, txId: string, meterId = 'm'): LedgerPosition => ({
  blockNumber,
  txId,
  meterId,
});

describe('resumePositionOf', () => {
  it('is undefined for an empty topic, which makes reading start at block 0', () => {
    assert.equal(resumePositionOf([]), undefined);
    assert.equal(startBlockOf(undefined), 0n);
  });

  it('takes the highest block and every partition tail in it, named by transaction and meter', () => {
    const position = resumePositionOf([
      change(7, 'a'),
      change(9, 'b', 'm1'),
      change(9, 'b', 'm2'),
      change(8, 'd'),
    ]);
    assert.ok(position);
    assert.equal(position.blockNumber, 9n);
    assert.deepEqual([...position.changes].sort(), ['b/m1', 'b/m2']);
    assert.equal(startBlockOf(position), 9n);
  });
});

describe('ResumeFilter', () => {
  it('lets everything through without a position', () => {
    const filter = new ResumeFilter(undefined);
    assert.equal(filter.precedes(0n), false);
    assert.equal(filter.isNew(change(0, 'a')), true);
    assert.equal(filter.isNew(change(3, 'b')), true);
  });

  it('skips earlier blocks and the resume block up to its last published change', () => {
    const filter = new ResumeFilter({ blockNumber: 5n, changes: new Set(['t2/m']) });
    assert.equal(filter.precedes(4n), true);
    assert.equal(filter.precedes(5n), false);
    const seen = [change(4, 't0'), change(5, 't1'), change(5, 't2'), change(5, 't3'), change(6, 't4')].map(
      (c) => [c.txId, filter.isNew(c)],
    );
    assert.deepEqual(seen, [
      ['t0', false],
      ['t1', false],
      ['t2', false],
      ['t3', true],
      ['t4', true],
    ]);
    assert.equal(filter.precedes(4n), false);
  });

  it('with several partition tails in the resume block, resumes after the last of them in block order', () => {
    // t1 and t3 are the last records of two partitions; t2 (a third partition's earlier record) was published too.
    const filter = new ResumeFilter({ blockNumber: 5n, changes: new Set(['t3/m', 't1/m']) });
    const verdicts = ['t1', 't2', 't3', 't4'].map((tx) => filter.isNew(change(5, tx)));
    assert.deepEqual(verdicts, [false, false, false, true]);
  });

  it('resumes inside a batch transaction after the last meter published', () => {
    const filter = new ResumeFilter({ blockNumber: 5n, changes: new Set(['batch/m2']) });
    const verdicts = ['m1', 'm2', 'm3', 'm4'].map((meterId) => filter.isNew(change(5, 'batch', meterId)));
    assert.deepEqual(verdicts, [false, false, true, true]);
  });

  it('publishes the next block when the resume block ended with the last published change', () => {
    const filter = new ResumeFilter({ blockNumber: 5n, changes: new Set(['t9/m']) });
    assert.equal(filter.isNew(change(5, 't9')), false);
    assert.equal(filter.isNew(change(6, 'u1')), true);
    assert.equal(filter.isNew(change(6, 'u2')), true);
  });
});
