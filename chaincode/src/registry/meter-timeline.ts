export { keyAt, statusAt } from '@metrochain/pki';

/** Milliseconds since the epoch of a timestamp the contract schemas already validated. */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

/** The canonical form stored and compared on the ledger: UTC with milliseconds, identical on every endorser. */
export function normalizeTimestamp(iso: string): string {
  return new Date(instantOf(iso)).toISOString();
}
