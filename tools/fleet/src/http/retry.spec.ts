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

  it('sends a request refused with Retry-After again only after that many seconds', async () => {
    const overloaded = new DomainError({
      code: 'INGEST_OVERLOADED',
      message: 'full',
      retriable: true,
      details: { status: 503, retryAfterSeconds: 0.2 },
    });
    const sentAt: number[] = [];
    const delays: number[] = [];
    const result = await withRetry(
      () => {
        sentAt.push(performance.now());
        return sentAt.length < 2 ? Promise.reject(overloaded) : Promise.resolve('ok');
      },
      FAST,
      { onRetry: (_, __, delayMs) => delays.push(delayMs) },
    );
    assert.equal(result, 'ok');
    // The back-off alone would have waited 1–2 ms; Retry-After says 200 ms (a timer may fire a ms early).
    assert.ok(
      (sentAt[1] ?? 0) - (sentAt[0] ?? 0) >= 199,
      `${String((sentAt[1] ?? 0) - (sentAt[0] ?? 0))} ms`,
    );
    assert.deepEqual(delays, [200]);
  });
});
