import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExplorerBlock, ExplorerTransaction } from '@metrochain/contracts';
import { BlockIndex } from './block-index';

function tx(
  blockNumber: number,
  index: number,
  timestamp: string,
  validationCode = 'VALID',
): ExplorerTransaction {
  return {
    txId: `${blockNumber}-${index}`,
    blockNumber,
    index,
    type: 'ENDORSER_TRANSACTION',
    timestamp,
    creatorMsp: 'PTBMSP',
    validationCode,
    endorsers: ['PTBMSP', 'InmetroMSP'],
    argBytes: 10,
  };
}

function block(number: number, transactions: ExplorerTransaction[]): ExplorerBlock {
  return {
    number,
    headerHash: 'h',
    previousHash: 'p',
    dataHash: 'd',
    dataHashValid: true,
    timestamp: transactions[0]?.timestamp ?? '',
    transactions,
  };
}

describe('BlockIndex', () => {
  const now = Date.parse('2026-12-03T10:30:30Z');

  it('counts blocks, transactions, valid and invalid, and keeps the latest blocks newest first', () => {
    const index = new BlockIndex(2);
    index.add(block(0, [tx(0, 0, '2026-12-03T08:00:00Z')]));
    index.add(
      block(1, [tx(1, 0, '2026-12-03T10:29:10Z'), tx(1, 1, '2026-12-03T10:29:50Z', 'MVCC_READ_CONFLICT')]),
    );
    index.add(block(2, [tx(2, 0, '2026-12-03T10:30:01Z')]));
    assert.deepEqual(index.counters, { blocks: 3, transactions: 4, valid: 3, invalid: 1 });
    assert.deepEqual(
      index.latest(10).map((b) => b.number),
      [2, 1],
    );
    const rates = index.rates(now);
    assert.equal(rates.perMinute.length, 60);
    assert.deepEqual(rates.perMinute.slice(-2), [
      { start: '2026-12-03T10:29:00.000Z', transactions: 2 },
      { start: '2026-12-03T10:30:00.000Z', transactions: 1 },
    ]);
    assert.equal(rates.perHour.length, 24);
    assert.deepEqual(
      rates.perHour.slice(-3).map((bucket) => bucket.transactions),
      [1, 0, 3],
    );
  });

  it('refuses blocks out of order', () => {
    const index = new BlockIndex();
    assert.throws(() => {
      index.add(block(1, []));
    }, /out of order/);
  });
});
