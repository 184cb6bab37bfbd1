import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { withRetry } from './retry';

const FAST = { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 5 };
const unavailable = (): DomainError =>
  new DomainError({ code: 'INGEST_UNAVAILABLE', message: 'kafka', retriable: true });

describe('withRetry', () => {
  it('tries again after retriable errors and returns the first success', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(unavailable()) : Promise.resolve('ok');
      },
      FAST,
      { onRetry: (_, __, delayMs) => delays.push(delayMs) },
    );
    assert.deepEqual([result, calls, delays.length], ['ok', 3, 2]);
  });

  it('gives up on errors that are not retriable, after the last attempt, and once the signal aborted', async () => {
    const refused = new DomainError({ code: 'REQUEST_INVALID', message: 'bad' });
    let calls = 0;
    const count = (error: DomainError) => () => {
      calls += 1;
      return Promise.reject(error);
    };
    await assert.rejects(withRetry(count(refused), FAST), refused);
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(withRetry(count(unavailable()), FAST), { code: 'INGEST_UNAVAILABLE' });
    assert.equal(calls, 5);
    calls = 0;
    const controller = new AbortController();
    const slow = { ...FAST, initialDelayMs: 60_000, maxDelayMs: 60_000 };
    const pending = withRetry(count(unavailable()), slow, { signal: controller.signal });
    setTimeout(() => {
      controller.abort();
    }, 10);
    await assert.rejects(pending, { code: 'INGEST_UNAVAILABLE' });
    assert.equal(calls, 1);
  });
});
