import { setTimeout as delay } from 'node:timers/promises';

export interface RetryOptions {
  /** Aborting ends the retrying: the last error is thrown. */
  signal: AbortSignal;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each wait, e.g. to log the failure. */
  onRetry?: (error: unknown, attempt: number) => void;
  /** The wait after `error` when it needs its own (e.g. a fixed hold); undefined takes the doubling delay. */
  delayFor?: (error: unknown, attempt: number) => number | undefined;
}

// Written here rather than with p-retry (which the fleet uses): these loops never give up, and on shutdown the caller
// needs the operation's last error, not the abort reason p-retry rejects with; ten lines do exactly that.
/**
 * Runs `operation` until it succeeds, waiting twice as long after each failure (200 ms up to 10 s by default). For
 * work that must happen eventually — recording, anchoring, publishing before offsets move on — where giving up
 * would lose data; only `signal` (shutdown) stops it, and the caller then leaves the work for its next start.
 */
export async function retryUntilDone<T>(
  operation: () => Promise<T>,
  options: Readonly<RetryOptions>,
): Promise<T> {
  const initialDelayMs = options.initialDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (options.signal.aborted) {
        throw error;
      }
      options.onRetry?.(error, attempt);
      const wait =
        options.delayFor?.(error, attempt) ?? Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
      await delay(wait, undefined, { signal: options.signal }).catch(() => undefined);
      if (isAborted(options.signal)) {
        throw error;
      }
    }
  }
}

// A function, so that the check after the wait is not narrowed away by the one before it.
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}
