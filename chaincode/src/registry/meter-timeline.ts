import type { MeterKey, MeterRecord, MeterStatus } from '@metrochain/contracts';

/** Milliseconds since the epoch of a timestamp the contract schemas already validated. */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

/** The canonical form stored and compared on the ledger: UTC with milliseconds, identical on every endorser. */
export function normalizeTimestamp(iso: string): string {
  return new Date(instantOf(iso)).toISOString();
}

/**
 * The meter's status at `at`: revoked from the revocation's effective time on, active from activation on, pending
 * before. A meter revoked while pending is pending up to the revocation.
 */
export function statusAt(meter: MeterRecord, at: string): MeterStatus {
  const instant = instantOf(at);
  if (meter.revocation !== undefined && instant >= instantOf(meter.revocation.effectiveAt)) {
    return 'revoked';
  }
  if (meter.activatedAt !== undefined && instant >= instantOf(meter.activatedAt)) {
    return 'active';
  }
  return 'pending';
}

/**
 * The key that was valid at `at`: the last one whose validity started at or before it. Before the first key was
 * registered the first key is the only candidate; the meter was not active then, so no check passes with it.
 */
export function keyAt(meter: MeterRecord, at: string): MeterKey {
  const instant = instantOf(at);
  const [first, ...later] = meter.keyHistory;
  if (first === undefined) {
    // The record schema guarantees one key; a record without one is corrupt.
    throw new TypeError(`meter ${meter.meterId} has no key`);
  }
  let chosen = first;
  for (const key of later) {
    if (instantOf(key.validFrom) <= instant) {
      chosen = key;
    }
  }
  return chosen;
}
