import { setTimeout as delay } from 'node:timers/promises';

export interface RetryOptions {
  /** Aborting ends the retrying: the last error is thrown. */
  signal: AbortSignal;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Called before each wait, e.g. to log the failure. */
  onRetry?: (error: unknown, attempt: number) => void;
}

const DEFAULTS = { initialDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Runs `operation` until it succeeds, waiting twice as long after each failure (up to `maxDelayMs`). For work that
 * must happen eventually — anchoring, publishing — where giving up would lose data; only `signal` stops it.
 */
export async function retryUntilDone<T>(
  operation: () => Promise<T>,
  options: Readonly<Partial<RetryOptions> & { signal: AbortSignal }>,
): Promise<T> {
  const { initialDelayMs, maxDelayMs } = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (options.signal.aborted) {
        throw error;
      }
      options.onRetry?.(error, attempt);
      const wait = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
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
