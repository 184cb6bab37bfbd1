import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';

/** Polls until `probe` returns a value; past the deadline the test fails naming `what`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await delay(intervalMs);
  }
}
