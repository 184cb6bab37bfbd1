import { REGISTRY_CONTRACT, RegistryTransactions } from '@metrochain/contracts';
import type { LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { runFor } from '../support/load';

type Check = { meterId: string; data: string; signature: string };

export interface ThroughputResult {
  operations: number;
  seconds: number;
  perSecond: number;
}

function toResult(run: { completed: number; seconds: number }): ThroughputResult {
  return { operations: run.completed, seconds: run.seconds, perSecond: run.completed / run.seconds };
}

/** The papers' design: one chaincode call per signature check, evaluated on an endorsing peer. */
export async function measureChaincodeEvaluate(
  registry: RegistryClient,
  checks: readonly Check[],
  durationMs: number,
  concurrency: number,
): Promise<ThroughputResult> {
  const run = await runFor(durationMs, concurrency, async (worker, iteration) => {
    const check = checks[(worker * 7919 + iteration) % checks.length] as Check;
    const verdict = await registry.checkSignature(check);
    if (!verdict.valid) {
      throw new Error(`chaincode rejected a valid signature of ${check.meterId}`);
    }
  });
  return toResult(run);
}

/** The same check submitted as an ordered transaction, as the authors' clients invoked it. */
export async function measureChaincodeSubmit(
  connection: Pick<LedgerConnection, 'contract'>,
  checks: readonly Check[],
  durationMs: number,
  concurrency: number,
): Promise<ThroughputResult> {
  const contract = connection.contract(REGISTRY_CONTRACT);
  const run = await runFor(durationMs, concurrency, async (worker, iteration) => {
    const check = checks[(worker * 7919 + iteration) % checks.length] as Check;
    await contract.submitTransaction(RegistryTransactions.checkSignature, JSON.stringify(check));
  });
  return toResult(run);
}
