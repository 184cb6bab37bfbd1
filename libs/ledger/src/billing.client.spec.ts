import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SubmittedTransaction } from '@hyperledger/fabric-gateway';
import type { Account, KeyRecord, Statement, Tariff } from '@metrochain/contracts';
import { BillingClient } from './billing.client';
import { LedgerError } from './ledger-error';
import { FakeContract, jsonBytes, submittedTransaction } from './testing/fabric-fakes';

const tariff: Tariff = {
  tariffId: 'tou',
  version: 1,
  currency: 'EUR',
  bands: Array.from({ length: 96 }, (_, slot) => (slot < 48 ? 0 : 1)),
  pricesMinorPerKWh: [20, 35],
  approvedBy: 'operator.ptb',
  partitionId: 'a'.repeat(64),
  approvedByMsp: 'PTBMSP',
  approvedAt: '2026-01-01T00:00:00.000Z',
  txId: 'tx-tariff',
};
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
const key: KeyRecord = {
  keyId: 'key-1',
  accountId: 'acc-1',
  meterId: 'meter-1',
  tariffId: 'tou',
  tariffVersion: 1,
  partitionId: 'a'.repeat(64),
  validFrom: '2026-01',
  keyHash: 'b'.repeat(64),
  issuedByMsp: 'PTBMSP',
  issuedAt: '2026-01-01T00:00:00.000Z',
  txId: 'tx-key',
};
const statement: Statement = {
  accountId: 'acc-1',
  utility: 'stadtwerke',
  customer: 'alice',
  meterId: 'meter-1',
  period: '2026-01',
  status: 'complete',
  tariffId: 'tou',
  tariffVersion: 1,
  currency: 'EUR',
  keyId: 'key-1',
  slotsExpected: 2976,
  slotsReceived: 2976,
  missing: [],
  ciphertextSetSha256: 'c'.repeat(64),
  innerProductMilliMinor: 1_234_567,
  amountMinor: 1235,
  revision: 1,
  computedByMsp: 'PTBMSP',
  computedAt: '2026-02-02T00:00:00.000Z',
  txId: 'tx-bill',
};
const FUNCTIONAL_KEY = Buffer.alloc(64, 1).toString('base64');

function contractAnswering(value: unknown, submitted?: SubmittedTransaction): FakeContract {
  return new FakeContract(
    () => Promise.resolve(jsonBytes(value)),
    submitted ?? submittedTransaction(jsonBytes(value), { transactionId: 'tx-9', blockNumber: 9n }),
  );
}

async function rejection(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LedgerError);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('BillingClient', () => {
  it('submits computeStatement with the key as transient data to the configured organisations', async () => {
    const contract = contractAnswering(statement);
    const client = new BillingClient(contract, { endorsingOrganizations: ['PTBMSP', 'LNEMSP'] });
    const request = { accountId: 'acc-1', period: '2026-01', keyId: 'key-1' };
    const result = await client.computeStatement(request, FUNCTIONAL_KEY);
    assert.deepEqual(result, { ...statement, transactionId: 'tx-9', blockNumber: 9n });
    const [name, options] = contract.submissions[0] ?? [];
    assert.equal(name, 'computeStatement');
    assert.deepEqual(options, {
      arguments: [JSON.stringify(request)],
      transientData: { functionalKey: FUNCTIONAL_KEY },
      endorsingOrganizations: ['PTBMSP', 'LNEMSP'],
    });
    assert.ok(!JSON.stringify(options.arguments).includes(FUNCTIONAL_KEY));
  });

  it('leaves the endorsers to the gateway when no organisations are configured', async () => {
    const contract = contractAnswering(statement);
    await new BillingClient(contract).computeStatement(
      { accountId: 'acc-1', period: '2026-01', keyId: 'key-1' },
      FUNCTIONAL_KEY,
    );
    assert.equal(contract.submissions[0]?.[1]?.endorsingOrganizations, undefined);
  });

  it('refuses a malformed key or request before calling the ledger', async () => {
    const contract = contractAnswering(statement);
    const client = new BillingClient(contract);
    const request = { accountId: 'acc-1', period: '2026-01', keyId: 'key-1' };
    assert.equal((await rejection(client.computeStatement(request, 'AAAA'))).code, 'INVALID_ARGUMENT');
    const badPeriod = { ...request, period: '2026-13' };
    assert.equal(
      (await rejection(client.computeStatement(badPeriod, FUNCTIONAL_KEY))).code,
      'INVALID_ARGUMENT',
    );
    assert.equal(contract.submissions.length, 0);
  });

  it('submits the writes as one JSON argument and returns their records with the commit', async () => {
    const approve = contractAnswering(tariff);
    const request = {
      tariffId: tariff.tariffId,
      version: tariff.version,
      currency: tariff.currency,
      bands: tariff.bands,
      pricesMinorPerKWh: tariff.pricesMinorPerKWh,
      approvedBy: tariff.approvedBy,
    };
    const approved = await new BillingClient(approve).approveTariff(request);
    assert.deepEqual(approved, { ...tariff, transactionId: 'tx-9', blockNumber: 9n });
    assert.deepEqual(JSON.parse(String(approve.submissions[0]?.[1]?.arguments?.[0])), request);

    const open = contractAnswering(account);
    const opened = await new BillingClient(open).openAccount({
      accountId: 'acc-1',
      utility: 'stadtwerke',
      customer: 'alice',
      meterId: 'meter-1',
      billingFrom: '2026-01',
    });
    assert.equal(opened.accountId, 'acc-1');
    assert.equal(open.submissions[0]?.[0], 'openAccount');

    const issue = contractAnswering(key);
    const issued = await new BillingClient(issue).issueKey({
      keyId: 'key-1',
      accountId: 'acc-1',
      tariffId: 'tou',
      tariffVersion: 1,
      validFrom: '2026-01',
      keyHash: 'b'.repeat(64),
    });
    assert.equal(issued.keyId, 'key-1');
    assert.equal(issue.submissions[0]?.[1]?.transientData, undefined);
  });

  it('evaluates the reads with their arguments and validates the answers', async () => {
    const cases: [(client: BillingClient) => Promise<unknown>, unknown, unknown[]][] = [
      [(client) => client.getTariff('tou', 1), tariff, ['getTariff', 'tou', '1']],
      [(client) => client.listTariffs(), [tariff], ['listTariffs']],
      [(client) => client.getAccount('acc-1'), account, ['getAccount', 'acc-1']],
      [(client) => client.listKeys('acc-1'), [key], ['listKeys', 'acc-1']],
      [(client) => client.getStatement('acc-1', '2026-01'), statement, ['getStatement', 'acc-1', '2026-01']],
      [(client) => client.listStatements('acc-1'), [statement], ['listStatements', 'acc-1']],
      [
        (client) => client.listCiphertexts({ meterId: 'meter-1', period: '2026-01' }),
        [{ day: '2026-01-01', slot: 0, seq: 1, ciphertext: 'AAAA' }],
        ['listCiphertexts', '{"meterId":"meter-1","period":"2026-01"}'],
      ],
    ];
    for (const [call, answer, evaluation] of cases) {
      const contract = contractAnswering(answer);
      assert.deepEqual(await call(new BillingClient(contract)), answer);
      assert.deepEqual(contract.evaluations, [evaluation]);
    }
    const wrong = contractAnswering({ ...statement, status: 'complete', amountMinor: undefined });
    assert.equal(
      (await rejection(new BillingClient(wrong).getStatement('acc-1', '2026-01'))).code,
      'LEDGER_ERROR',
    );
  });
});
