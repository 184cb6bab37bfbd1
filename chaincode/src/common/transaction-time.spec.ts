import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStubContext } from '../testing/stub-context';
import { transactionTimeIso } from './transaction-time';

describe('transactionTimeIso', () => {
  it('formats the transaction timestamp as ISO 8601 UTC', () => {
    const { ctx } = newStubContext({ seconds: 1_767_225_600, nanos: 0 });
    assert.equal(transactionTimeIso(ctx), '2026-01-01T00:00:00.000Z');
  });

  it('keeps milliseconds and drops finer digits so every endorser gets the same string', () => {
    const { ctx } = newStubContext({ seconds: 1_767_225_601, nanos: 123_999_999 });
    assert.equal(transactionTimeIso(ctx), '2026-01-01T00:00:01.123Z');
  });
});
