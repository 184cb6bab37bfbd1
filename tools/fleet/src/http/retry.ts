import pRetry from 'p-retry';
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
 * jitter so that a fleet whose service came back does not hit it in lockstep. The fleet's own rule on top of
 * p-retry: retry on the `retriable` flag of coded errors only, and when the fleet stops give up at once with the
 * last error (not the abort), so callers report what failed and leave the readings to the state folder.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  let lastError: unknown;
  const tracked = async (): Promise<T> => {
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
      throw error;
    }
  };
  try {
    return await pRetry(tracked, {
      retries: policy.maxAttempts - 1,
      factor: 2,
      minTimeout: policy.initialDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true,
      ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
      shouldRetry: ({ error, attemptNumber, retryDelay }) => {
        const retry = isRetriable(error);
        if (retry) {
          hooks.onRetry?.(error, attemptNumber, retryDelay);
        }
        return retry;
      },
    });
  } catch (error) {
    throw hooks.signal?.aborted === true && lastError !== undefined ? lastError : error;
  }
}
