import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { decideFailure, failureCode, failureMessage, retryDelayMs } from './failure-policy';

const retriable = new DomainError({ code: 'LEDGER_UNAVAILABLE', message: 'peer down', retriable: true });
const permanent = new DomainError({ code: 'METER_UNKNOWN', message: 'no such meter' });

describe('decideFailure', () => {
  it('retries a retriable domain error while attempts remain', () => {
    assert.equal(decideFailure(retriable, 1, 3), 'retry');
    assert.equal(decideFailure(retriable, 2, 3), 'retry');
  });

  it('dead-letters a retriable domain error on the last attempt', () => {
    assert.equal(decideFailure(retriable, 3, 3), 'dead-letter');
    assert.equal(decideFailure(retriable, 1, 1), 'dead-letter');
  });

  it('dead-letters a non-retriable domain error at once', () => {
    assert.equal(decideFailure(permanent, 1, 3), 'dead-letter');
  });

  it('dead-letters uncoded errors at once, even when they claim to be retriable', () => {
    assert.equal(decideFailure(new Error('boom'), 1, 3), 'dead-letter');
    assert.equal(decideFailure(Object.assign(new Error('x'), { retriable: true }), 1, 3), 'dead-letter');
    assert.equal(decideFailure('a string', 1, 3), 'dead-letter');
  });
});

describe('failureCode and failureMessage', () => {
  it('uses the domain code, or HANDLER_FAILED for uncoded errors', () => {
    assert.equal(failureCode(permanent), 'METER_UNKNOWN');
    assert.equal(failureCode(new TypeError('x')), 'HANDLER_FAILED');
    assert.equal(failureCode(undefined), 'HANDLER_FAILED');
  });

  it('reads the message of errors and stringifies anything else', () => {
    assert.equal(failureMessage(permanent), 'no such meter');
    assert.equal(failureMessage(42), '42');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the initial wait up to the cap', () => {
    const backoff = { initialMs: 100, maxMs: 350 };
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, backoff)),
      [100, 200, 350, 350],
    );
  });

  it('defaults to 200 ms after the first failure', () => {
    assert.equal(retryDelayMs(1), 200);
  });
});
