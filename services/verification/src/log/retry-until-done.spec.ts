import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryUntilDone } from './retry-until-done';

/** An operation that fails `failures` times, then answers `value`; records when it was called. */
function flaky<T>(failures: number, value: T): { operation: () => Promise<T>; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    operation: () => {
      calls.push(performance.now());
      return calls.length <= failures
        ? Promise.reject(new Error(`failure ${String(calls.length)}`))
        : Promise.resolve(value);
    },
  };
}

function waitsBetween(calls: readonly number[]): number[] {
  return calls.slice(1).map((at, index) => at - (calls[index] ?? at));
}

describe('retryUntilDone', () => {
  it('answers the first success without retrying', async () => {
    const { operation, calls } = flaky(0, 'done');
    const retries: number[] = [];
    const result = await retryUntilDone(operation, {
      signal: new AbortController().signal,
      onRetry: (_, attempt) => retries.push(attempt),
    });
    assert.equal(result, 'done');
    assert.equal(calls.length, 1);
    assert.deepEqual(retries, []);
  });

  it('retries until the operation succeeds, reporting each failure with its attempt', async () => {
    const { operation, calls } = flaky(4, 7);
    const retries: [string, number][] = [];
    const result = await retryUntilDone(operation, {
      signal: new AbortController().signal,
      initialDelayMs: 1,
      maxDelayMs: 2,
      onRetry: (error, attempt) => retries.push([String(error), attempt]),
    });
    assert.equal(result, 7);
    assert.equal(calls.length, 5);
    assert.deepEqual(retries, [
      ['Error: failure 1', 1],
      ['Error: failure 2', 2],
      ['Error: failure 3', 3],
      ['Error: failure 4', 4],
    ]);
  });

  it('doubles the wait after each failure', async () => {
    const { operation, calls } = flaky(3, 'done');
    await retryUntilDone(operation, {
      signal: new AbortController().signal,
      initialDelayMs: 10,
      maxDelayMs: 1000,
    });
    // Timers fire no earlier than asked, give or take a millisecond of rounding.
    assert.deepEqual(
      waitsBetween(calls).map((wait, index) => wait >= [10, 20, 40][index]! - 1),
      [true, true, true],
    );
  });

  it('waits no longer than maxDelayMs', async () => {
    const { operation, calls } = flaky(3, 'done');
    await retryUntilDone(operation, {
      signal: new AbortController().signal,
      initialDelayMs: 20,
      maxDelayMs: 20,
    });
    const waits = waitsBetween(calls);
    assert.ok(
      waits.every((wait) => wait >= 19),
      String(waits),
    );
    // Doubling would take 20 + 40 + 80 ms.
    assert.ok(waits.reduce((sum, wait) => sum + wait, 0) < 130, String(waits));
  });

  it('throws the last error at once when aborted during a wait', { timeout: 5000 }, async () => {
    const controller = new AbortController();
    const { operation, calls } = flaky(Infinity, 'never');
    const started = performance.now();
    setTimeout(() => {
      controller.abort();
    }, 20);
    await assert.rejects(
      retryUntilDone(operation, { signal: controller.signal, initialDelayMs: 60_000 }),
      /failure 1/,
    );
    assert.ok(performance.now() - started < 2000);
    assert.equal(calls.length, 1);
  });

  it('does not retry when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { operation, calls } = flaky(1, 'done');
    const retries: number[] = [];
    await assert.rejects(
      retryUntilDone(operation, {
        signal: controller.signal,
        onRetry: (_, attempt) => retries.push(attempt),
      }),
      /failure 1/,
    );
    assert.equal(calls.length, 1);
    assert.deepEqual(retries, []);
  });
});
