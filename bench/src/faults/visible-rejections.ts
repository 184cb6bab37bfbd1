import { MeasurementApiPaths, formatReadingId } from '@metrochain/contracts';
import type { Acknowledged, LedgerView } from './checker';

const MAX_LOOKUPS = 5_000;

/**
 * Of the acknowledged readings the ledger lacks, those whose status (what the fleet can look up by id) says
 * `rejected`: visibly rejected, so not lost. Asked only for the missing ones, at most `MAX_LOOKUPS` of them.
 */
export async function visiblyRejected(
  measurementUrl: string,
  acknowledged: readonly Acknowledged[],
  views: readonly LedgerView[],
): Promise<Set<string>> {
  const onLedger = new Set(views[0]?.entries.map((entry) => `${entry.meterId}~${String(entry.seq)}`));
  const missing = acknowledged.filter((ack) => !onLedger.has(`${ack.meterId}~${String(ack.seq)}`));
  const rejected = new Set<string>();
  for (const ack of missing.slice(0, MAX_LOOKUPS)) {
    const id = formatReadingId(ack.meterId, ack.seq, ack.readingDigest);
    const response = await fetch(
      `${measurementUrl}${MeasurementApiPaths.status.replace(':readingId', encodeURIComponent(id))}`,
    );
    const body = (await response.json().catch(() => ({}))) as { status?: string };
    if (response.ok && body.status === 'rejected') {
      rejected.add(`${ack.meterId}~${String(ack.seq)}`);
    }
  }
  return rejected;
}
