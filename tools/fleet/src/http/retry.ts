import { isDomainError } from '@metrochain/errors';

export interface RetryPolicy {
  /** First pause; doubled after every failure up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all; Infinity retries until the signal aborts. */
  maxAttempts: number;
}

export interface RetryHooks {
  signal?: AbortSignal;
  /** Told before each pause, e.g. to count retries or show them. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const INGEST_RETRY: RetryPolicy = { initialDelayMs: 200, maxDelayMs: 5000, maxAttempts: Infinity };
export const REGISTRATION_RETRY: RetryPolicy = { initialDelayMs: 500, maxDelayMs: 5000, maxAttempts: 8 };

export function isRetriable(error: unknown): boolean {
  return isDomainError(error) && error.retriable;
}

/**
 * Runs `attempt` again after retriable errors (503, timeouts, unreachable), with exponential back-off and
 * jitter so that a fleet whose service came back does not hit it in lockstep. Written here rather than taken from
 * a retry package because the fleet's rule is its own: retry on the `retriable` flag of coded errors, and give up at
 * once when the fleet stops, leaving the readings to the state folder.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let count = 1; ; count += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetriable(error) || count >= policy.maxAttempts || isAborted(hooks.signal)) {
        throw error;
      }
      const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (count - 1));
      const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
      hooks.onRetry?.(error, count, delayMs);
      await pause(delayMs, hooks.signal);
      if (isAborted(hooks.signal)) {
        throw error;
      }
    }
  }
}

// A function, not an inline check: TypeScript would keep the narrowing from before an await.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Resolves after `ms`, or at once when the signal aborts (the caller's next step sees `signal.aborted`). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
