import { MAX_ATTEST_BATCH } from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import { forEachConcurrently, progress } from '../support/load';
import type { BenchMeter } from './meters';

export interface ActivationResult {
  meters: number;
  seconds: number;
  perSecond: number;
  transactions: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * Registers every meter through both NMIs: each NMI attests a chunk of meters in one attestBatch transaction, the
 * second NMI's transaction activates them; `concurrency` chunks are in flight. The clock runs from the first
 * submit to the last meter's activation, and every meter must be active by then.
 */
export async function measureActivations(
  registrars: readonly [RegistryClient, RegistryClient],
  meters: readonly BenchMeter[],
  options: Readonly<{ batchSize: number; concurrency: number }>,
): Promise<ActivationResult> {
  const report = progress('meters active');
  let active = 0;
  let transactions = 0;
  const started = performance.now();
  const batches = chunks(meters, Math.min(options.batchSize, MAX_ATTEST_BATCH));
  await forEachConcurrently(batches, options.concurrency, async (batch) => {
    for (const [nmi, registrar] of registrars.entries()) {
      const { results } = await registrar.attestBatch({
        attestations: batch.map((meter) => {
          const answer = meter.answers[nmi];
          if (answer === undefined) {
            throw new Error(`meter ${meter.id} has no answer for NMI ${String(nmi)}`);
          }
          return answer;
        }),
      });
      transactions += 1;
      const refused = results.find((result) => !result.ok);
      if (refused !== undefined) {
        throw new Error(`attestation refused: ${JSON.stringify(refused)}`);
      }
      if (nmi === registrars.length - 1) {
        const inactive = results.filter((result) => result.ok && result.status !== 'active');
        if (inactive.length > 0) {
          throw new Error(`${String(inactive.length)} meters not active after both attestations`);
        }
      }
    }
    active += batch.length;
    report(active, meters.length);
  });
  const seconds = (performance.now() - started) / 1000;
  return { meters: meters.length, seconds, perSecond: meters.length / seconds, transactions };
}
