import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LEDGER_DEADLINES, gatewayCallOptions, resolveLedgerDeadlines } from './ledger-deadlines';

describe('ledger deadlines', () => {
  it('defaults to evaluate 5 s, endorse 15 s, submit 5 s, commit status 60 s', () => {
    assert.deepEqual(resolveLedgerDeadlines(), {
      evaluateMs: 5_000,
      endorseMs: 15_000,
      submitMs: 5_000,
      commitStatusMs: 20_000,
    });
    assert.ok(Object.isFrozen(DEFAULT_LEDGER_DEADLINES));
  });

  it('overrides single deadlines and ignores undefined ones', () => {
    assert.deepEqual(resolveLedgerDeadlines({ endorseMs: 30_000, submitMs: undefined }), {
      ...DEFAULT_LEDGER_DEADLINES,
      endorseMs: 30_000,
    });
  });

  it('rejects deadlines that are not positive', () => {
    assert.throws(() => resolveLedgerDeadlines({ evaluateMs: 0 }), RangeError);
    assert.throws(() => resolveLedgerDeadlines({ commitStatusMs: Number.NaN }), RangeError);
  });

  it('gives every call a deadline counted from its own start', () => {
    let now = 1_000;
    const options = gatewayCallOptions(resolveLedgerDeadlines(), () => now);
    assert.deepEqual(options.evaluateOptions(), { deadline: 6_000 });
    assert.deepEqual(options.endorseOptions(), { deadline: 16_000 });
    assert.deepEqual(options.submitOptions(), { deadline: 6_000 });
    assert.deepEqual(options.commitStatusOptions(), { deadline: 21_000 });
    now = 2_000;
    assert.deepEqual(options.evaluateOptions(), { deadline: 7_000 });
  });
});
