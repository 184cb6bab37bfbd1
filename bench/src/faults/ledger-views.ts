import type { NetworkProfile } from '@metrochain/config';
import { MAX_MEASUREMENT_QUERY_LIMIT } from '@metrochain/contracts';
import { MeasurementClient, connectLedger } from '@metrochain/ledger';
import type { LedgerEntry, LedgerView } from './checker';

/**
 * Every record of the given meters and each meter's `recorded` counter, read through each NMI's own gateway peer
 * (its own identity, its own organisation's peers evaluate): what each institute would show an auditor.
 */
export async function readLedgerViews(
  profile: NetworkProfile,
  meterIds: readonly string[],
): Promise<LedgerView[]> {
  const views: LedgerView[] = [];
  for (const org of Object.keys(profile.organizations)) {
    const connection = await connectLedger({ profile, org, identity: 'measurement' });
    try {
      views.push(await readView(org, MeasurementClient.forConnection(connection), meterIds));
    } finally {
      connection.close();
    }
  }
  return views;
}

async function readView(
  org: string,
  ledger: MeasurementClient,
  meterIds: readonly string[],
): Promise<LedgerView> {
  const entries: LedgerEntry[] = [];
  const recordedCounters = new Map<string, number>();
  for (const meterId of meterIds) {
    const before = entries.length;
    let afterSeq: number | undefined;
    do {
      const page = await ledger.queryMeasurements({
        meterId,
        limit: MAX_MEASUREMENT_QUERY_LIMIT,
        ...(afterSeq === undefined ? {} : { afterSeq }),
      });
      for (const { seq, readingDigest } of page.measurements) {
        entries.push({ meterId, seq, readingDigest });
      }
      afterSeq = page.nextAfterSeq;
    } while (afterSeq !== undefined);
    recordedCounters.set(
      meterId,
      entries.length === before ? 0 : (await ledger.getMeterProgress(meterId)).recorded,
    );
  }
  return { org, entries, recordedCounters };
}
