import { setTimeout as delay } from 'node:timers/promises';
import { LedgerTransportCode } from './ledger-error';
import { toLedgerError } from './to-ledger-error';

export interface RetryOptions {
  /** Total number of tries, the first included. */
  attempts?: number;
  /** Upper bound of the first back-off; doubles on every further try. */
  baseDelayMs?: number;
  /** Cap on any single back-off. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1); injectable so that tests are deterministic. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (event: Readonly<{ attempt: number; delayMs: number; error: unknown }>) => void;
}

// Written here rather than with p-retry: the decision is per ledger code (retry two, rethrow the rest at once) and the
// jitter and the waits are injected so that the specs run deterministically, which p-retry's randomisation is not.
export const DEFAULT_RETRY_ATTEMPTS = 5;
export const DEFAULT_RETRY_BASE_DELAY_MS = 50;
export const DEFAULT_RETRY_MAX_DELAY_MS = 2_000;

/**
 * Runs a ledger write again, on fresh state, while it fails only because another transaction changed what it read
 * (MVCC_READ_CONFLICT) or its endorsers simulated it on different heights (ENDORSEMENTS_DIFFER). Any other failure is rethrown at once: the other codes either cannot heal by resubmitting or
 * (a timeout) may hide a transaction that still commits. Back-off is "full jitter": a random wait below an
 * exponentially growing bound, so that competing writers spread out.
 */
export async function submitWithRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_RETRY_ATTEMPTS);
  const sleep = options.sleep ?? ((ms: number): Promise<void> => delay(ms));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !isReadConflict(error)) {
        throw error;
      }
      const delayMs = backoffDelay(attempt, options);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** The wait after failed try `attempt` (1-based): uniform in [0, min(max, base·2^(attempt-1))). */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'> = {},
): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const cap = options.maxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS;
  const bound = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.floor((options.random ?? Math.random)() * bound);
}

// Both mean the write was simulated on state that moved on, and neither wrote anything.
const STALE_STATE_CODES: ReadonlySet<string> = new Set([
  LedgerTransportCode.MVCC_READ_CONFLICT,
  LedgerTransportCode.ENDORSEMENTS_DIFFER,
]);

function isReadConflict(error: unknown): boolean {
  return STALE_STATE_CODES.has(toLedgerError(error).code);
}
