/**
 * The exactly-once checker, in the style of Jepsen's set checkers: from what the clients were told (every `202` and
 * the ids in it) and what the ledger holds (read through each NMI's peer), count what went wrong. Pure, so that its
 * verdict on a hand-made history is unit-tested.
 */

/** A reading the ingest API acknowledged (`202`), with when and the digest of its signed bytes. */
export interface Acknowledged {
  meterId: string;
  seq: number;
  readingDigest: string;
  acceptedAt: number;
}

/** A record as one NMI's peer returns it. */
export interface LedgerEntry {
  meterId: string;
  seq: number;
  readingDigest: string;
}

/** One NMI's view of the run's meters: every record of them, and each meter's `recorded` counter. */
export interface LedgerView {
  org: string;
  entries: readonly LedgerEntry[];
  /** `getMeterProgress(meter).recorded`: counts every reading the chaincode recorded, so a double record shows. */
  recordedCounters: ReadonlyMap<string, number>;
}

export interface CheckCounts {
  accepted: number;
  recorded: number;
  /** Accepted, neither on the ledger nor visibly rejected. */
  lost: number;
  /** Recorded more than once (two entries, or a counter above the distinct entries). */
  duplicated: number;
  /** On the ledger, never acknowledged to the client. */
  unacknowledged: number;
  /** On the ledger under an acknowledged id but with other bytes than the acknowledged reading. */
  altered: number;
  /** Visibly rejected (a `readings.rejected.v1` event): not lost, but a well-formed load expects none. */
  rejected: number;
  /** NMIs whose view differs from the first one's. */
  divergentViews: number;
}

const keyOf = (meterId: string, seq: number): string => `${meterId}~${String(seq)}`;

/** Counts over one window of acknowledgements; `views` must cover every meter the window's readings belong to. */
export function checkExactlyOnce(
  acknowledged: readonly Acknowledged[],
  views: readonly LedgerView[],
  rejected: ReadonlySet<string>,
): CheckCounts {
  const [first, ...others] = views;
  const entries = first?.entries ?? [];
  const onLedger = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry.meterId, entry.seq);
    onLedger.set(key, [...(onLedger.get(key) ?? []), entry]);
  }
  const acked = new Map(acknowledged.map((ack) => [keyOf(ack.meterId, ack.seq), ack]));
  let recorded = 0;
  let lost = 0;
  let altered = 0;
  let rejectedCount = 0;
  for (const [key, ack] of acked) {
    const found = onLedger.get(key);
    if (found === undefined) {
      if (rejected.has(key)) {
        rejectedCount += 1;
      } else {
        lost += 1;
      }
      continue;
    }
    recorded += 1;
    if (found.some((entry) => entry.readingDigest !== ack.readingDigest)) {
      altered += 1;
    }
  }
  const meters = new Set(acknowledged.map((ack) => ack.meterId));
  return {
    accepted: acked.size,
    recorded,
    lost,
    duplicated: duplicatesOf(onLedger, acked, first?.recordedCounters, meters),
    unacknowledged: [...onLedger.keys()].filter((key) => !acked.has(key) && meterOfKey(key, meters)).length,
    altered,
    rejected: rejectedCount,
    divergentViews: others.filter((view) => !sameEntries(view.entries, entries)).length,
  };
}

function meterOfKey(key: string, meters: ReadonlySet<string>): boolean {
  return meters.has(key.slice(0, key.lastIndexOf('~')));
}

function duplicatesOf(
  onLedger: ReadonlyMap<string, readonly LedgerEntry[]>,
  acked: ReadonlyMap<string, Acknowledged>,
  counters: ReadonlyMap<string, number> | undefined,
  meters: ReadonlySet<string>,
): number {
  let duplicated = 0;
  const distinctPerMeter = new Map<string, number>();
  for (const [key, found] of onLedger) {
    if (!acked.has(key) && !meterOfKey(key, meters)) {
      continue;
    }
    duplicated += found.length - 1;
    const meterId = key.slice(0, key.lastIndexOf('~'));
    distinctPerMeter.set(meterId, (distinctPerMeter.get(meterId) ?? 0) + 1);
  }
  for (const [meterId, distinct] of distinctPerMeter) {
    duplicated += Math.max(0, (counters?.get(meterId) ?? distinct) - distinct);
  }
  return duplicated;
}

function sameEntries(a: readonly LedgerEntry[], b: readonly LedgerEntry[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  const digests = new Map(b.map((entry) => [keyOf(entry.meterId, entry.seq), entry.readingDigest]));
  return a.every((entry) => digests.get(keyOf(entry.meterId, entry.seq)) === entry.readingDigest);
}

/** Whether the counts break the promise: anything lost, doubled, invented, altered, rejected or divergent. */
export function violations(counts: Readonly<CheckCounts>): string[] {
  const named: [keyof CheckCounts, number][] = [
    ['lost', counts.lost],
    ['duplicated', counts.duplicated],
    ['unacknowledged', counts.unacknowledged],
    ['altered', counts.altered],
    ['rejected', counts.rejected],
    ['divergentViews', counts.divergentViews],
  ];
  return named.filter(([, value]) => value > 0).map(([name, value]) => `${name} ${String(value)}`);
}
