import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BILLING_SLOTS_PER_DAY,
  BillingEvents,
  accountSchema,
  keyIssuedEventSchema,
  keyRecordSchema,
  slotCiphertextSchema,
  tariffSchema,
} from '@metrochain/contracts';
import { SLOTS_PER_DAY } from '@metrochain/fe';
import { activeMeter, newMeterKeys, txAs } from '../registry/testing/registry-fixtures';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import { BillingContract } from './billing.contract';
import { partitionIdOf } from './tariffs';
import {
  BANDS,
  accountRequest,
  billedMeter,
  billingTx,
  fillMonth,
  keyRequest,
  tariffRequest,
} from './testing/billing-fixtures';

const contract = new BillingContract();
const keys = newMeterKeys();
const read = (): ReturnType<typeof newStubContext>['ctx'] => newStubContext({ state: new Map() }).ctx;

describe('BillingContract: catalogue, accounts, keys', () => {
  it('uses libs/fe’s slots per day', () => {
    assert.equal(BILLING_SLOTS_PER_DAY, SLOTS_PER_DAY);
  });

  it('approves a tariff with its partition id, reads and lists it, and refuses the version again', async () => {
    const state = new Map<string, Uint8Array>();
    const { ctx, stub } = billingTx(state, { txId: 'tx-tariff' });
    const tariff = tariffSchema.parse(
      JSON.parse(await contract.approveTariff(ctx, JSON.stringify(tariffRequest()))),
    );
    assert.equal(tariff.partitionId, partitionIdOf(BANDS));
    assert.equal(partitionIdOf(BANDS), partitionIdOf([...BANDS]));
    assert.deepEqual(
      [tariff.approvedByMsp, tariff.txId, tariff.approvedAt],
      ['PTBMSP', 'tx-tariff', '2026-02-02T00:00:00.000Z'],
    );
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [BillingEvents.tariffApproved],
    );
    const reader = newStubContext({ state }).ctx;
    assert.deepEqual(JSON.parse(await contract.getTariff(reader, 'tou', '1')), tariff);
    assert.deepEqual(JSON.parse(await contract.listTariffs(reader)), [tariff]);
    await assert.rejects(contract.getTariff(reader, 'tou', '2'), chaincodeErrorWithCode('NOT_FOUND'));
    await assert.rejects(contract.getTariff(reader, 'tou', 'x'), chaincodeErrorWithCode('INVALID_ARGUMENT'));
    await assert.rejects(
      contract.approveTariff(billingTx(state).ctx, JSON.stringify(tariffRequest({ currency: 'CHF' }))),
      chaincodeErrorWithCode('ALREADY_EXISTS'),
    );
  });

  it('refuses bands that skip an index or cover fewer than 8 slots, and prices not one per band', async () => {
    const narrow = BANDS.map((band, slot) => (slot < 7 ? 3 : band));
    const skipped = BANDS.map((band) => (band === 2 ? 3 : band));
    for (const request of [
      tariffRequest({ bands: narrow, pricesMinorPerKWh: [1, 2, 3, 4] }),
      tariffRequest({ bands: skipped, pricesMinorPerKWh: [1, 2, 3, 4] }),
      tariffRequest({ pricesMinorPerKWh: [1, 2] }),
      tariffRequest({ pricesMinorPerKWh: [1, 2, 3, 4] }),
    ]) {
      await assert.rejects(
        contract.approveTariff(billingTx(new Map()).ctx, JSON.stringify(request)),
        chaincodeErrorWithCode('TARIFF_INVALID'),
      );
    }
    const eight = BANDS.map((band, slot) => (slot >= 80 && slot < 88 ? 3 : band));
    await contract.approveTariff(
      billingTx(new Map()).ctx,
      JSON.stringify(tariffRequest({ bands: eight, pricesMinorPerKWh: [1, 2, 3, 4] })),
    );
  });

  it('lets the billing identity write only', async () => {
    const { ctx } = txAs('measurement', 'PTBMSP', { state: new Map() });
    await assert.rejects(
      contract.approveTariff(ctx, JSON.stringify(tariffRequest())),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    await assert.rejects(
      contract.openAccount(ctx, JSON.stringify(accountRequest())),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
    await assert.rejects(
      contract.issueKey(ctx, JSON.stringify(keyRequest())),
      chaincodeErrorWithCode('ROLE_FORBIDDEN'),
    );
  });

  it('opens an account for a registered meter once', async () => {
    const state = await activeMeter('meter-1', keys);
    const { ctx, stub } = billingTx(state);
    const account = accountSchema.parse(
      JSON.parse(await contract.openAccount(ctx, JSON.stringify(accountRequest()))),
    );
    assert.equal(account.openedByMsp, 'PTBMSP');
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [BillingEvents.accountOpened],
    );
    assert.deepEqual(JSON.parse(await contract.getAccount(newStubContext({ state }).ctx, 'acc-1')), account);
    await assert.rejects(
      contract.openAccount(billingTx(state).ctx, JSON.stringify(accountRequest())),
      chaincodeErrorWithCode('ALREADY_EXISTS'),
    );
    await assert.rejects(
      contract.openAccount(
        billingTx(state).ctx,
        JSON.stringify(accountRequest({ accountId: 'acc-2', meterId: 'meter-9' })),
      ),
      chaincodeErrorWithCode('METER_UNKNOWN'),
    );
    await assert.rejects(contract.getAccount(read(), 'acc-1'), chaincodeErrorWithCode('ACCOUNT_UNKNOWN'));
  });

  it('issues keys under the policy and ends the open-ended predecessor in the same transaction', async () => {
    const state = await billedMeter(contract, keys);
    await contract.approveTariff(
      billingTx(state).ctx,
      JSON.stringify(tariffRequest({ version: 2, pricesMinorPerKWh: [22, 38, 31] })),
    );
    const { ctx, stub } = billingTx(state, { txId: 'tx-key-2' });
    const request = keyRequest({ keyId: 'key-2', tariffVersion: 2, validFrom: '2026-04' });
    const key = keyRecordSchema.parse(JSON.parse(await contract.issueKey(ctx, JSON.stringify(request))));
    assert.deepEqual(
      [key.meterId, key.partitionId, key.issuedByMsp],
      ['meter-1', partitionIdOf(BANDS), 'PTBMSP'],
    );
    const event = keyIssuedEventSchema.parse(JSON.parse(stub.events[0]?.payload ?? '{}'));
    assert.deepEqual(
      [event.key.keyId, event.ended?.keyId, event.ended?.validTo],
      ['key-2', 'key-1', '2026-04'],
    );
    const listed = keyRecordSchema
      .array()
      .parse(JSON.parse(await contract.listKeys(newStubContext({ state }).ctx, 'acc-1')));
    assert.deepEqual(
      listed.map(({ keyId, validFrom, validTo }) => [keyId, validFrom, validTo]),
      [
        ['key-1', '2026-01', '2026-04'],
        ['key-2', '2026-04', undefined],
      ],
    );
  });

  it('refuses issuance with the code of each broken rule', async () => {
    const state = await billedMeter(contract, keys);
    const other = BANDS.map((band, slot) => (slot === 40 ? 0 : band));
    await contract.approveTariff(
      billingTx(state).ctx,
      JSON.stringify(tariffRequest({ tariffId: 'other', bands: other })),
    );
    const cases: [Partial<Parameters<typeof keyRequest>[0]>, Parameters<typeof chaincodeErrorWithCode>[0]][] =
      [
        [{ keyId: 'key-1', validFrom: '2026-05' }, 'ALREADY_EXISTS'],
        [{ keyId: 'k', accountId: 'acc-9' }, 'ACCOUNT_UNKNOWN'],
        [{ keyId: 'k', tariffVersion: 7, validFrom: '2026-05' }, 'TARIFF_UNKNOWN'],
        [{ keyId: 'k', tariffId: 'other', validFrom: '2026-05' }, 'KEY_POLICY_VIOLATION'],
        [{ keyId: 'k', validFrom: '2026-01' }, 'KEY_VALIDITY_OVERLAP'],
      ];
    for (const [overrides, code] of cases) {
      await assert.rejects(
        contract.issueKey(billingTx(state).ctx, JSON.stringify(keyRequest(overrides))),
        chaincodeErrorWithCode(code),
        code,
      );
    }
  });

  it('lists a meter’s recorded ciphertexts of a month in (day, slot) order', async () => {
    const state = new Map<string, Uint8Array>();
    fillMonth(state, 'meter-1', '2026-02');
    const json = await contract.listCiphertexts(
      read(),
      JSON.stringify({ meterId: 'meter-1', period: '2026-01' }),
    );
    assert.deepEqual(JSON.parse(json), []);
    const listed = slotCiphertextSchema
      .array()
      .parse(
        JSON.parse(
          await contract.listCiphertexts(
            newStubContext({ state }).ctx,
            JSON.stringify({ meterId: 'meter-1', period: '2026-02' }),
          ),
        ),
      );
    assert.equal(listed.length, 28 * 96);
    assert.deepEqual(listed[97], {
      day: '2026-02-02',
      slot: 1,
      seq: 98,
      ciphertext: Buffer.alloc(32, 98).toString('base64'),
    });
  });
});
