import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account, KeyIssuanceRequest, KeyRecord, Tariff } from '@metrochain/contracts';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { applyKeyPolicy } from './key-policy';
import { partitionIdOf } from './tariffs';

const DAY_NIGHT = Array.from({ length: 96 }, (_, slot) => (slot < 24 || slot >= 88 ? 0 : 1));
// The same partition but slot 40 moved from band 1 to band 0: a key pair differing there would reveal slot 40.
const ONE_SLOT_OFF = DAY_NIGHT.map((band, slot) => (slot === 40 ? 0 : band));

function tariff(tariffId: string, bands: readonly number[], prices: number[] = [10, 30]): Tariff {
  return {
    tariffId,
    version: 1,
    currency: 'EUR',
    bands: [...bands],
    pricesMinorPerKWh: prices,
    approvedBy: 'operator',
    partitionId: partitionIdOf(bands),
    approvedByMsp: 'PTBMSP',
    approvedAt: '2026-01-01T00:00:00.000Z',
    txId: 'tx-tariff',
  };
}

const account: Account = {
  accountId: 'acc-1',
  utility: 'stadtwerke',
  customer: 'alice',
  meterId: 'meter-1',
  billingFrom: '2026-01',
  openedByMsp: 'PTBMSP',
  openedAt: '2026-01-01T00:00:00.000Z',
  txId: 'tx-account',
};

function request(
  keyId: string,
  validFrom: string,
  overrides: Partial<KeyIssuanceRequest> = {},
): KeyIssuanceRequest {
  return {
    keyId,
    accountId: 'acc-1',
    tariffId: 'day-night',
    tariffVersion: 1,
    validFrom,
    keyHash: 'c'.repeat(64),
    ...overrides,
  };
}

function issued(keyId: string, validFrom: string, overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    keyId,
    accountId: 'acc-1',
    meterId: 'meter-1',
    tariffId: 'day-night',
    tariffVersion: 1,
    partitionId: partitionIdOf(DAY_NIGHT),
    validFrom,
    keyHash: 'd'.repeat(64),
    issuedByMsp: 'PTBMSP',
    issuedAt: '2026-01-01T00:00:00.000Z',
    txId: `tx-${keyId}`,
    ...overrides,
  };
}

const dayNight = tariff('day-night', DAY_NIGHT);

describe('applyKeyPolicy', () => {
  it('accepts a meter’s first key, ending nothing', () => {
    assert.deepEqual(
      applyKeyPolicy({ request: request('k1', '2026-01'), account, tariff: dayNight, meterKeys: [] }),
      {},
    );
  });

  it('refuses a key whose tariff partitions the day otherwise, even by one slot (rule 2)', () => {
    const input = {
      request: request('k2', '2026-03', { tariffId: 'one-off' }),
      account,
      tariff: tariff('one-off', ONE_SLOT_OFF),
      meterKeys: [issued('k1', '2026-01')],
    };
    assert.throws(() => applyKeyPolicy(input), chaincodeErrorWithCode('KEY_POLICY_VIOLATION'));
    assert.throws(() => applyKeyPolicy(input), /band partition/);
  });

  it('holds the partition across accounts of the meter', () => {
    const otherAccountsKey = issued('k1', '2025-06', { accountId: 'acc-0', validTo: '2026-01' });
    const input = {
      request: request('k2', '2026-01', { tariffId: 'one-off' }),
      account,
      tariff: tariff('one-off', ONE_SLOT_OFF),
      meterKeys: [otherAccountsKey],
    };
    assert.throws(() => applyKeyPolicy(input), chaincodeErrorWithCode('KEY_POLICY_VIOLATION'));
  });

  it('accepts a tariff change on the same partition: a new key ends the open-ended one at its start', () => {
    const newPrices = tariff('day-night-2027', DAY_NIGHT, [12, 35]);
    const current = issued('k1', '2026-01');
    const decision = applyKeyPolicy({
      request: request('k2', '2026-07', { tariffId: 'day-night-2027' }),
      account,
      tariff: newPrices,
      meterKeys: [current],
    });
    assert.deepEqual(decision, { ended: { ...current, validTo: '2026-07' } });
  });

  it('refuses a key starting before the account is billed (PERIOD_BEFORE_BILLING)', () => {
    const input = { request: request('k1', '2025-12'), account, tariff: dayNight, meterKeys: [] };
    assert.throws(() => applyKeyPolicy(input), chaincodeErrorWithCode('PERIOD_BEFORE_BILLING'));
  });

  it('refuses a key that does not start after the account’s latest key (rule 5)', () => {
    const meterKeys = [issued('k1', '2026-01', { validTo: '2026-03' }), issued('k2', '2026-03')];
    for (const validFrom of ['2026-03', '2026-02', '2026-01']) {
      assert.throws(
        () => applyKeyPolicy({ request: request('k3', validFrom), account, tariff: dayNight, meterKeys }),
        chaincodeErrorWithCode('KEY_VALIDITY_OVERLAP'),
        validFrom,
      );
    }
  });

  it('refuses a key starting inside the closed range of the latest key, and accepts one at its end', () => {
    const meterKeys = [issued('k1', '2026-01', { validTo: '2026-06' })];
    assert.throws(
      () => applyKeyPolicy({ request: request('k2', '2026-05'), account, tariff: dayNight, meterKeys }),
      chaincodeErrorWithCode('KEY_VALIDITY_OVERLAP'),
    );
    assert.deepEqual(
      applyKeyPolicy({ request: request('k2', '2026-06'), account, tariff: dayNight, meterKeys }),
      {},
    );
    assert.deepEqual(
      applyKeyPolicy({ request: request('k2', '2026-09'), account, tariff: dayNight, meterKeys }),
      {},
    );
  });

  it('ignores the validity of other accounts’ keys of the meter', () => {
    const meterKeys = [issued('k0', '2026-01', { accountId: 'acc-0' })];
    assert.deepEqual(
      applyKeyPolicy({ request: request('k1', '2026-01'), account, tariff: dayNight, meterKeys }),
      {},
    );
  });

  it('allows 4 keys of a meter starting within 12 months, not a fifth (rule 4)', () => {
    const chain = (months: readonly string[]): KeyRecord[] =>
      months.map((month, index) => issued(`k${String(index)}`, month, { validTo: months[index + 1] }));
    const four = chain(['2026-01', '2026-04', '2026-07', '2026-10']);
    const last = four.at(-1);
    assert.ok(last !== undefined);
    delete last.validTo;
    assert.throws(
      () => applyKeyPolicy({ request: request('k5', '2026-12'), account, tariff: dayNight, meterKeys: four }),
      chaincodeErrorWithCode('KEY_POLICY_VIOLATION'),
    );
    // 2027-01 opens a window (2026-02..2027-01) with three earlier starts only.
    const fifth = applyKeyPolicy({
      request: request('k5', '2027-01'),
      account,
      tariff: dayNight,
      meterKeys: four,
    });
    assert.equal(fifth.ended?.keyId, 'k3');
  });

  it('counts the keys of every account of the meter against the cap', () => {
    const others = ['2026-01', '2026-02', '2026-03', '2026-04'].map((month, index) =>
      issued(`o${String(index)}`, month, { accountId: `acc-other-${String(index)}`, validTo: '2026-05' }),
    );
    assert.throws(
      () =>
        applyKeyPolicy({ request: request('k1', '2026-05'), account, tariff: dayNight, meterKeys: others }),
      /at most 4 may/,
    );
  });
});
