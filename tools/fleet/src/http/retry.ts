import { setTimeout as delay } from 'node:timers/promises';
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

/** The Retry-After of a refusal (429, 503 INGEST_OVERLOADED) in ms, as the HTTP client keeps it; 0 without one. */
export function retryAfterMs(error: unknown): number {
  const seconds = isDomainError(error) ? error.details['retryAfterSeconds'] : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/**
 * Runs `attempt` again after retriable errors (503, timeouts, unreachable), with exponential back-off and
 * jitter so that a fleet whose service came back does not hit it in lockstep. The fleet's own rule on top of
 * p-retry: retry on the `retriable` flag of coded errors only, and when the fleet stops give up at once with the
 * last error (not the abort), so callers report what failed and leave the readings to the state folder. A refusal
 * with Retry-After is not sent again before that many seconds passed, whatever the back-off says: a service that
 * sheds load says when it can take the request.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  let lastError: unknown;
  let notBefore = 0;
  const tracked = async (): Promise<T> => {
    const wait = notBefore - Date.now();
    if (wait > 0) {
      // The back-off was shorter than Retry-After: the rest of it. An abort ends the wait with the last error.
      await delay(wait, undefined, hooks.signal === undefined ? {} : { signal: hooks.signal });
    }
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
      notBefore = Date.now() + retryAfterMs(error);
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
          hooks.onRetry?.(error, attemptNumber, Math.max(retryDelay, retryAfterMs(error)));
        }
        return retry;
      },
    });
  } catch (error) {
    throw hooks.signal?.aborted === true && lastError !== undefined ? lastError : error;
  }
}
