import type { MeasurementRecord } from '@metrochain/contracts';
import type { MeasurementClient } from '@metrochain/ledger';

/** Every record of the meter, a page at a time, so that paging from `afterSeq` runs on the real peers too. */
export async function allRecorded(
  ledger: MeasurementClient,
  meterId: string,
  pageSize = 25,
): Promise<MeasurementRecord[]> {
  const records: MeasurementRecord[] = [];
  let afterSeq: number | undefined;
  for (;;) {
    const page = await ledger.queryMeasurements({
      meterId,
      limit: pageSize,
      ...(afterSeq === undefined ? {} : { afterSeq }),
    });
    records.push(...page.measurements);
    if (page.nextAfterSeq === undefined) {
      return records;
    }
    afterSeq = page.nextAfterSeq;
  }
}
