/** What a meter's status and key at a given time depend on; the registry's meter record has this shape. */
export interface MeterTimeline<Key extends TimedKey = TimedKey> {
  readonly meterId: string;
  readonly activatedAt?: string | undefined;
  readonly revocation?: { readonly effectiveAt: string } | undefined;
  readonly keyHistory: readonly Key[];
}

export interface TimedKey {
  readonly validFrom: string;
}

export type TimelineStatus = 'pending' | 'active' | 'revoked';

/**
 * The meter's status at `at`: revoked from the revocation's effective time on, active from activation on, pending
 * before. A meter revoked while pending is pending up to the revocation. The chaincode and the verification service
 * both decide with this function, so an off-ledger verdict never differs from the ledger's.
 */
export function statusAt(meter: MeterTimeline, at: string): TimelineStatus {
  const instant = Date.parse(at);
  if (meter.revocation !== undefined && instant >= Date.parse(meter.revocation.effectiveAt)) {
    return 'revoked';
  }
  if (meter.activatedAt !== undefined && instant >= Date.parse(meter.activatedAt)) {
    return 'active';
  }
  return 'pending';
}

/**
 * The key that was valid at `at`: the last one whose validity started at or before it. Before the first key was
 * registered the first key is the only candidate; the meter was not active then, so no check passes with it.
 */
export function keyAt<Key extends TimedKey>(meter: MeterTimeline<Key>, at: string): Key {
  const instant = Date.parse(at);
  const [first, ...later] = meter.keyHistory;
  if (first === undefined) {
    // The record schema guarantees one key; a record without one is corrupt.
    throw new TypeError(`meter ${meter.meterId} has no key`);
  }
  let chosen = first;
  for (const key of later) {
    if (Date.parse(key.validFrom) <= instant) {
      chosen = key;
    }
  }
  return chosen;
}
