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
): Promise<{ rejected: Set<string>; missingByStatus: Record<string, number> }> {
  const onLedger = new Set(views[0]?.entries.map((entry) => `${entry.meterId}~${String(entry.seq)}`));
  const missing = acknowledged.filter((ack) => !onLedger.has(`${ack.meterId}~${String(ack.seq)}`));
  const rejected = new Set<string>();
  // Where the missing ones got stuck, as their status says (none: not even `received`): the first clue to a loss.
  const missingByStatus: Record<string, number> = {};
  for (const ack of missing.slice(0, MAX_LOOKUPS)) {
    const id = formatReadingId(ack.meterId, ack.seq, ack.readingDigest);
    const response = await fetch(
      `${measurementUrl}${MeasurementApiPaths.status.replace(':readingId', encodeURIComponent(id))}`,
    );
    const body = (await response.json().catch(() => ({}))) as { status?: string };
    const status = response.ok ? (body.status ?? 'unknown') : 'none';
    missingByStatus[status] = (missingByStatus[status] ?? 0) + 1;
    if (status === 'rejected') {
      rejected.add(`${ack.meterId}~${String(ack.seq)}`);
    }
  }
  return { rejected, missingByStatus };
}
