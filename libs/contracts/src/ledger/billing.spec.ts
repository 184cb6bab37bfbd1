import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BILLING_EVENT_SCHEMAS,
  BillingEvents,
  keyIssuanceRequestSchema,
  statementSchema,
  tariffApprovalRequestSchema,
} from './billing';

const tariff = {
  tariffId: 'tou-2026',
  version: 1,
  currency: 'EUR',
  bands: Array.from({ length: 96 }, (_, slot) => (slot < 48 ? 0 : 1)),
  pricesMinorPerKWh: [25, 40],
  approvedBy: 'operator.ptb',
};

const statement = {
  accountId: 'acc-1',
  utility: 'stadtwerke',
  customer: 'alice',
  meterId: 'meter-1',
  period: '2026-01',
  tariffId: 'tou-2026',
  tariffVersion: 1,
  currency: 'EUR',
  keyId: 'key-1',
  slotsExpected: 2976,
  slotsReceived: 2976,
  missing: [],
  ciphertextSetSha256: 'a'.repeat(64),
  revision: 1,
  computedByMsp: 'PTBMSP',
  computedAt: '2026-02-02T00:00:00.000Z',
  txId: 'tx-1',
};

describe('billing contract schemas', () => {
  it('takes 96 band indices 0..7 and one price per band at most 8, refusing unknown fields', () => {
    assert.ok(tariffApprovalRequestSchema.safeParse(tariff).success);
    for (const bad of [
      { ...tariff, bands: tariff.bands.slice(1) },
      { ...tariff, bands: [...tariff.bands.slice(1), 8] },
      { ...tariff, pricesMinorPerKWh: [1_000_001, 1] },
      { ...tariff, pricesMinorPerKWh: [] },
      { ...tariff, currency: 'eur' },
      { ...tariff, version: 0 },
      { ...tariff, partitionId: 'x' },
    ]) {
      assert.ok(!tariffApprovalRequestSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('refuses a key whose validTo does not lie after validFrom', () => {
    const key = {
      keyId: 'key-1',
      accountId: 'acc-1',
      tariffId: 'tou-2026',
      tariffVersion: 1,
      validFrom: '2026-01',
      keyHash: 'b'.repeat(64),
    };
    assert.ok(keyIssuanceRequestSchema.safeParse(key).success);
    assert.ok(keyIssuanceRequestSchema.safeParse({ ...key, validTo: '2026-02' }).success);
    const refused = keyIssuanceRequestSchema.safeParse({ ...key, validTo: '2026-01' });
    assert.deepEqual(
      refused.error?.issues.map((issue) => issue.path),
      [['validTo']],
    );
  });

  it('gives a complete statement an amount and an incomplete one none', () => {
    const complete = {
      ...statement,
      status: 'complete',
      innerProductMilliMinor: 1_234_500,
      amountMinor: 1235,
    };
    assert.ok(statementSchema.safeParse(complete).success);
    assert.ok(!statementSchema.safeParse({ ...statement, status: 'complete' }).success);
    const incomplete = statementSchema.parse({ ...complete, status: 'incomplete' });
    assert.equal('amountMinor' in incomplete, false);
    assert.equal(BILLING_EVENT_SCHEMAS[BillingEvents.statementComputed], statementSchema);
  });
});
