import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Acknowledged, type LedgerView, checkExactlyOnce, violations } from './checker';

const ack = (seq: number, digest = `d${String(seq)}`): Acknowledged => ({
  meterId: 'm1',
  seq,
  readingDigest: digest,
  acceptedAt: seq,
});
const view = (org: string, seqs: readonly number[], recorded?: number): LedgerView => ({
  org,
  entries: seqs.map((seq) => ({ meterId: 'm1', seq, readingDigest: `d${String(seq)}` })),
  recordedCounters: new Map([['m1', recorded ?? new Set(seqs).size]]),
});

describe('checkExactlyOnce', () => {
  it('finds nothing wrong when every acknowledged reading is recorded once on every NMI', () => {
    const counts = checkExactlyOnce(
      [ack(1), ack(2), ack(3)],
      [view('PTB', [1, 2, 3]), view('Inmetro', [1, 2, 3])],
      new Set(),
    );
    assert.deepEqual(violations(counts), []);
    assert.equal(counts.accepted, 3);
    assert.equal(counts.recorded, 3);
  });

  it('counts a missing reading as lost unless it was visibly rejected', () => {
    const counts = checkExactlyOnce([ack(1), ack(2), ack(3)], [view('PTB', [1])], new Set(['m1~3']));
    assert.equal(counts.lost, 1);
    assert.equal(counts.rejected, 1);
    assert.deepEqual(violations(counts), ['lost 1', 'rejected 1']);
  });

  it('counts a second entry and a counter above the distinct entries as duplicates', () => {
    assert.equal(checkExactlyOnce([ack(1), ack(2)], [view('PTB', [1, 2, 2])], new Set()).duplicated, 1);
    assert.equal(checkExactlyOnce([ack(1), ack(2)], [view('PTB', [1, 2], 4)], new Set()).duplicated, 2);
  });

  it('counts records nobody was told about, other bytes under an acknowledged id and divergent NMIs', () => {
    const counts = checkExactlyOnce(
      [ack(1), ack(2, 'other')],
      [view('PTB', [1, 2, 3]), view('Inmetro', [1, 2])],
      new Set(),
    );
    assert.equal(counts.unacknowledged, 1);
    assert.equal(counts.altered, 1);
    assert.equal(counts.divergentViews, 1);
  });

  it('the same reading acknowledged twice (a retry after an unanswered request) is one reading', () => {
    const counts = checkExactlyOnce([ack(1), ack(1)], [view('PTB', [1])], new Set());
    assert.equal(counts.accepted, 1);
    assert.deepEqual(violations(counts), []);
  });
});
