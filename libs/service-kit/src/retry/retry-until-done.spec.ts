import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryUntilDone } from './retry-until-done';

describe('retryUntilDone', () => {
  it('retries until the operation succeeds, reporting each failure with its attempt', async () => {
    let calls = 0;
    const retries: number[] = [];
    const result = await retryUntilDone(
      () => {
        calls += 1;
        return calls < 4 ? Promise.reject(new Error(`down ${String(calls)}`)) : Promise.resolve('done');
      },
      {
        signal: new AbortController().signal,
        initialDelayMs: 1,
        onRetry: (_error, attempt) => retries.push(attempt),
      },
    );
    assert.equal(result, 'done');
    assert.deepEqual(retries, [1, 2, 3]);
  });

  it('gives up with the last error once aborted, even in the middle of a wait', async () => {
    const controller = new AbortController();
    const retrying = retryUntilDone(() => Promise.reject(new Error('still down')), {
      signal: controller.signal,
      initialDelayMs: 60_000,
    });
    setTimeout(() => {
      controller.abort();
    }, 10);
    await assert.rejects(retrying, /still down/);
  });
});
