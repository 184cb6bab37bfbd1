import type { Reading } from '@metrochain/contracts';
import type { MeasurementClient } from '@metrochain/ledger';
import type { BenchMeter } from '../pki/meters';
import { runFor } from '../support/load';

/**
 * The papers' design on the same network: one Fabric transaction per reading, `concurrency` in flight. Each
 * worker owns its meters, so that no two transactions in flight touch the same meter's progress.
 */
export async function measureOneTransactionPerReading(
  ledger: MeasurementClient,
  meters: readonly BenchMeter[],
  options: Readonly<{
    durationMs: number;
    concurrency: number;
    nextSeq: (meterId: string) => number;
    makeReading: (meter: BenchMeter, seq: number) => Reading;
  }>,
): Promise<{ perSecond: number; transactions: number }> {
  let batchNumber = 0;
  const { completed, seconds } = await runFor(
    options.durationMs,
    options.concurrency,
    async (worker, iteration) => {
      const owned = meters.filter((_, i) => i % options.concurrency === worker);
      const meter = owned[iteration % owned.length] as BenchMeter;
      batchNumber += 1;
      const result = await ledger.recordBatch({
        batchId: `bench-single-${String(batchNumber)}-${Date.now().toString(36)}`,
        readings: [options.makeReading(meter, options.nextSeq(meter.id))],
      });
      if (result.outcomes[0]?.status !== 'recorded') {
        throw new Error(`baseline reading not recorded: ${JSON.stringify(result.outcomes[0])}`);
      }
    },
  );
  return { perSecond: completed / seconds, transactions: completed };
}
