import { createHash } from 'node:crypto';
import type { AccountRequest, KeyIssuanceRequest, TariffApprovalRequest } from '@metrochain/contracts';
import { type MeterKeys, activeMeter, newMeterKeys, txAs } from '../../registry/testing/registry-fixtures';
import { type StubContext, newStubContext } from '../../testing/stub-context';
import { BillingContract } from '../billing.contract';
import type { FeEvaluator } from '../fe-evaluator';
import { feSlotEntryBytes, feSlotKey } from '../fe-slot-index';
import { daysOfMonth } from '../months';

/** Three bands: night (slots 0-31 and 88-95), day (32-71), evening (72-87). */
export const BANDS = Array.from({ length: 96 }, (_, slot) => {
  if (slot >= 32 && slot < 72) {
    return 1;
  }
  return slot >= 72 && slot < 88 ? 2 : 0;
});

export function tariffRequest(overrides: Partial<TariffApprovalRequest> = {}): TariffApprovalRequest {
  return {
    tariffId: 'tou',
    version: 1,
    currency: 'EUR',
    bands: BANDS,
    pricesMinorPerKWh: [20, 35, 30],
    approvedBy: 'operator.ptb',
    ...overrides,
  };
}

export function accountRequest(overrides: Partial<AccountRequest> = {}): AccountRequest {
  return {
    accountId: 'acc-1',
    utility: 'stadtwerke',
    customer: 'alice',
    meterId: 'meter-1',
    billingFrom: '2026-01',
    ...overrides,
  };
}

/** A functional key's base64 text (64 bytes of `fill`) and the hash issuance records. */
export function functionalKey(fill: number): { key: string; keyHash: string } {
  const bytes = Buffer.alloc(64, fill);
  return { key: bytes.toString('base64'), keyHash: createHash('sha256').update(bytes).digest('hex') };
}

export function keyRequest(overrides: Partial<KeyIssuanceRequest> = {}): KeyIssuanceRequest {
  return {
    keyId: 'key-1',
    accountId: 'acc-1',
    tariffId: 'tou',
    tariffVersion: 1,
    validFrom: '2026-01',
    keyHash: functionalKey(1).keyHash,
    ...overrides,
  };
}

/** The calls the stand-in for libs/fe saw; it answers `answer` (or throws it). */
export interface EvaluatorCall {
  key: string;
  weights: readonly number[];
  days: readonly { label: string; ciphertexts: readonly string[] }[];
}

export function fakeEvaluator(answer: bigint | Error): { evaluate: FeEvaluator; calls: EvaluatorCall[] } {
  const calls: EvaluatorCall[] = [];
  const evaluate: FeEvaluator = (key, weights, days) => {
    calls.push({ key, weights, days });
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  return { evaluate, calls };
}

/** A transaction of the billing service's identity at Unix `seconds` (default 2026-02-02T00:00Z). */
export function billingTx(
  state: Map<string, Uint8Array>,
  options: Readonly<{ seconds?: number; txId?: string; transient?: Record<string, string> }> = {},
): StubContext {
  return txAs('billing', 'PTBMSP', {
    state,
    seconds: options.seconds ?? Date.parse('2026-02-02T00:00:00Z') / 1000,
    txId: options.txId ?? 'tx-billing',
    ...(options.transient === undefined ? {} : { transient: options.transient }),
  });
}

/** A ledger with meter-1 active, the tariff approved, acc-1 open and key-1 issued from 2026-01. */
export async function billedMeter(
  contract: BillingContract,
  keys: MeterKeys = newMeterKeys(),
): Promise<Map<string, Uint8Array>> {
  const state = await activeMeter('meter-1', keys);
  await contract.approveTariff(billingTx(state).ctx, JSON.stringify(tariffRequest()));
  await contract.openAccount(billingTx(state).ctx, JSON.stringify(accountRequest()));
  await contract.issueKey(billingTx(state).ctx, JSON.stringify(keyRequest()));
  return state;
}

/** Writes fe-slot entries for every slot of the month except `skip` (`YYYY-MM-DD/slot`), as the measurement would. */
export function fillMonth(
  state: Map<string, Uint8Array>,
  meterId: string,
  period: string,
  skip: ReadonlySet<string> = new Set(),
): void {
  const { ctx } = newStubContext({ state });
  let seq = 0;
  for (const day of daysOfMonth(period)) {
    for (let slot = 0; slot < 96; slot += 1) {
      seq += 1;
      if (!skip.has(`${day}/${String(slot)}`)) {
        const ciphertext = Buffer.alloc(32, seq % 256).toString('base64');
        state.set(
          feSlotKey(ctx, meterId, day, slot),
          feSlotEntryBytes({ seq, ciphertext, readingDigest: 'e'.repeat(64) }),
        );
      }
    }
  }
}
