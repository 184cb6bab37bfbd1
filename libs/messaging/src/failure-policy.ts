import { isDomainError } from '@metrochain/errors';
import { MessagingErrorCode } from './messaging-error-code';

export type FailureDecision = 'retry' | 'dead-letter';

export interface RetryBackoff {
  /** Wait after the first failed attempt; doubles after each further one. */
  initialMs: number;
  /** Cap on any single wait; keep it well below the session timeout, the wait blocks the partition. */
  maxMs: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_RETRY_BACKOFF: Readonly<RetryBackoff> = Object.freeze({ initialMs: 200, maxMs: 5_000 });

/**
 * What to do after attempt `attempt` (1-based) of handling a message failed. Only a `DomainError` marked retriable
 * is tried again, and only while attempts remain; anything else would fail the same way again and blocks the
 * partition meanwhile, so it goes to the dead-letter topic at once.
 */
export function decideFailure(error: unknown, attempt: number, maxAttempts: number): FailureDecision {
  const retriable = isDomainError(error) && error.retriable;
  return retriable && attempt < maxAttempts ? 'retry' : 'dead-letter';
}

/** The code recorded in `x-dlt-reason`: the error's own code, or `HANDLER_FAILED` for an uncoded error. */
export function failureCode(error: unknown): string {
  return isDomainError(error) ? error.code : MessagingErrorCode.HANDLER_FAILED;
}

export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Deterministic exponential back-off: one consumer per partition, so there is no herd for jitter to spread. */
export function retryDelayMs(
  attempt: number,
  backoff: Readonly<RetryBackoff> = DEFAULT_RETRY_BACKOFF,
): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));
}
