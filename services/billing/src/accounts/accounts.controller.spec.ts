import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '@metrochain/service-kit';
import { accessSpecProviders, newTestIssuer } from '@metrochain/service-kit/testing';
import { billingHttpStatus } from '../http/billing-http-status';
import { KeyVault } from '../keys/key-vault';
import { TariffsController } from '../tariffs/tariffs.controller';
import { FakeBillingLedger, FakeRedisHashes } from '../testing/fake-billing-ledger';
import { AccountsController } from './accounts.controller';
import { BillingService } from './billing.service';

const TARIFF = {
  tariffId: 'tou',
  version: 1,
  currency: 'EUR',
  bands: Array.from({ length: 96 }, (_, slot) => (slot < 32 ? 0 : 1)),
  pricesMinorPerKWh: [21, 32],
};
const KEY_BYTES = Buffer.alloc(64, 3);

describe('billing API: who may call what, and bad input', () => {
  const ledger = new FakeBillingLedger();
  const redis = new FakeRedisHashes();
  const tokens: Record<string, string> = {};
  let app: NestFastifyApplication;
  let base = '';

  before(async () => {
    const issuer = await newTestIssuer();
    for (const [name, role] of [
      ['operator-ptb', 'nmi-operator'],
      ['stadtwerke-nord', 'utility'],
      ['energia-sul', 'utility'],
      ['customer-0001', 'customer'],
      ['customer-0002', 'customer'],
      ['auditor-ptb', 'auditor'],
    ] as const) {
      tokens[name] = await issuer.token({
        sub: name,
        role,
        ...(role === 'nmi-operator' ? { nmi: 'PTBMSP' } : {}),
      });
    }
    const billing = new BillingService({
      ledger,
      vault: new KeyVault(redis),
      closer: { close: () => Promise.reject(new Error('not in this spec')) },
    });
    @Module({
      controllers: [TariffsController, AccountsController],
      providers: [
        { provide: BillingService, useValue: billing },
        ...accessSpecProviders({
          issuers: [issuer.trusted],
          ownNmi: 'PTBMSP',
          errorStatus: billingHttpStatus,
        }),
      ],
    })
    class SpecModule {}
    app = await createHttpApp({
      serviceName: 'billing',
      module: SpecModule,
      logger: createLogger('spec', { level: 'silent' }),
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  after(async () => {
    await app.close();
  });

  async function call(
    method: string,
    path: string,
    caller?: string,
    body?: unknown,
  ): Promise<[number, string]> {
    const response = await fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, {
      method,
      headers: {
        ...(caller === undefined ? {} : { authorization: `Bearer ${tokens[caller] ?? ''}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as { code?: string };
    return [response.status, answer.code ?? ''];
  }

  it('lets operators approve tariffs and anyone read them; refuses others and bad tariffs', async () => {
    assert.deepEqual(await call('POST', '/tariffs', undefined, TARIFF), [401, 'UNAUTHENTICATED']);
    assert.deepEqual(await call('POST', '/tariffs', 'stadtwerke-nord', TARIFF), [403, 'ACCESS_FORBIDDEN']);
    assert.deepEqual(await call('POST', '/tariffs', 'operator-ptb', { ...TARIFF, bands: [0] }), [
      400,
      'REQUEST_INVALID',
    ]);
    assert.equal(ledger.tariffs.size, 0, 'nothing written for refused requests');
    assert.equal((await call('POST', '/tariffs', 'operator-ptb', TARIFF))[0], 201);
    assert.equal(ledger.tariffs.get('tou@1')?.approvedBy, 'operator-ptb');
    assert.equal((await call('GET', '/tariffs/tou/versions/1'))[0], 200);
    assert.deepEqual(await call('GET', '/tariffs/tou/versions/0'), [400, 'REQUEST_INVALID']);
    assert.deepEqual(await call('GET', '/tariffs/tou/versions/2'), [404, 'NOT_FOUND']);
  });

  it('opens accounts for the calling utility only', async () => {
    const account = {
      accountId: 'acc-1',
      customer: 'customer-0001',
      meterId: 'meter-1',
      billingFrom: '2026-01',
    };
    assert.deepEqual(await call('POST', '/accounts', 'customer-0001', account), [403, 'ACCESS_FORBIDDEN']);
    assert.deepEqual(await call('POST', '/accounts', 'stadtwerke-nord', { ...account, utility: 'x' }), [
      400,
      'REQUEST_INVALID',
    ]);
    assert.equal((await call('POST', '/accounts', 'stadtwerke-nord', account))[0], 201);
    assert.equal(ledger.accounts.get('acc-1')?.utility, 'stadtwerke-nord');
  });

  it('keeps each utility and customer to their own accounts', async () => {
    assert.equal((await call('GET', '/accounts/acc-1', 'stadtwerke-nord'))[0], 200);
    assert.equal((await call('GET', '/accounts/acc-1', 'customer-0001'))[0], 200);
    assert.deepEqual(await call('GET', '/accounts/acc-1', 'energia-sul'), [403, 'ACCOUNT_FORBIDDEN']);
    assert.deepEqual(await call('GET', '/accounts/acc-1/statements', 'customer-0002'), [
      403,
      'ACCOUNT_FORBIDDEN',
    ]);
    assert.deepEqual(await call('GET', '/accounts/acc-1/statements', 'auditor-ptb'), [
      403,
      'ACCESS_FORBIDDEN',
    ]);
    assert.deepEqual(await call('GET', '/accounts/acc-1/ciphertexts?period=2026-01', 'stadtwerke-nord'), [
      403,
      'ACCESS_FORBIDDEN',
    ]);
    assert.deepEqual(await call('GET', '/accounts/acc-1/ciphertexts?period=2026-13', 'customer-0001'), [
      400,
      'REQUEST_INVALID',
    ]);
    assert.equal((await call('GET', '/accounts/acc-1/ciphertexts?period=2026-01', 'customer-0001'))[0], 200);
    assert.deepEqual(await call('GET', '/accounts/acc-9', 'stadtwerke-nord'), [404, 'ACCOUNT_UNKNOWN']);
  });

  it('records a key by its hash for the account’s customer, keeps the key, and never answers with it', async () => {
    const key = {
      tariffId: 'tou',
      tariffVersion: 1,
      validFrom: '2026-01',
      functionalKey: KEY_BYTES.toString('base64'),
    };
    assert.deepEqual(await call('POST', '/accounts/acc-1/keys', 'stadtwerke-nord', key), [
      403,
      'ACCESS_FORBIDDEN',
    ]);
    assert.deepEqual(await call('POST', '/accounts/acc-1/keys', 'customer-0002', key), [
      403,
      'ACCOUNT_FORBIDDEN',
    ]);
    assert.deepEqual(
      await call('POST', '/accounts/acc-1/keys', 'customer-0001', { ...key, tariffId: 'nope' }),
      [422, 'TARIFF_UNKNOWN'],
    );
    assert.deepEqual(
      await call('POST', '/accounts/acc-1/keys', 'customer-0001', {
        ...key,
        // 64 bytes, but scalars above the group order: no functional key.
        functionalKey: Buffer.alloc(64, 0xff).toString('base64'),
      }),
      [422, 'FE_KEY_INVALID'],
    );
    assert.equal(ledger.keys.length, 0);
    assert.equal(redis.hashes.get('billing:keys:acc-1')?.size ?? 0, 0, 'a refused key is not kept');
    const [status] = await call('POST', '/accounts/acc-1/keys', 'customer-0001', { ...key, keyId: 'k1' });
    assert.equal(status, 201);
    assert.equal(ledger.keys[0]?.keyHash, createHash('sha256').update(KEY_BYTES).digest('hex'));
    assert.equal(redis.hashes.get('billing:keys:acc-1')?.get('k1'), key.functionalKey);
    assert.equal(
      JSON.stringify(ledger.keys).includes(key.functionalKey),
      false,
      'the ledger never sees the key',
    );
  });
});
