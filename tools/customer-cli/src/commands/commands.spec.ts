import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Account, KeyRecord, SlotCiphertext, Statement, Tariff } from '@metrochain/contracts';
import { FakeService, coded } from '@metrochain/tool-kit/testing';
import { fakeFe } from '../testing/fake-fe';
import { cli } from '../testing/run-cli';

const bands = Array.from({ length: 96 }, (_, slot) => (slot < 28 ? 0 : 1));
const tariff: Tariff = {
  tariffId: 'tou-2026',
  version: 1,
  currency: 'EUR',
  bands,
  pricesMinorPerKWh: [22, 35],
  approvedBy: 'operator-ptb',
  partitionId: 'c'.repeat(64),
  approvedByMsp: 'PTBMSP',
  approvedAt: '2026-01-01T00:00:00.000Z',
  txId: 'tx-tariff',
};
const account: Account = {
  accountId: 'acc-1',
  utility: 'stadtwerke-nord',
  customer: 'customer-0001',
  meterId: 'meter-7',
  billingFrom: '2026-01',
  openedByMsp: 'PTBMSP',
  openedAt: '2026-01-01T00:00:00.000Z',
  txId: 'tx-account',
};
const statement: Statement = {
  accountId: 'acc-1',
  utility: 'stadtwerke-nord',
  customer: 'customer-0001',
  meterId: 'meter-7',
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
  computedAt: '2026-02-04T00:00:00.000Z',
  txId: 'tx-statement',
  status: 'complete',
  innerProductMilliMinor: 1_234_500,
  amountMinor: 1235,
};

describe('customer commands against a local billing API', () => {
  const fe = fakeFe();
  let dir: string;
  let billing: FakeService;
  let env: Record<string, string>;
  let ciphertexts: SlotCiphertext[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'customer-cli-'));
    billing = await FakeService.start();
    billing
      .on('GET', /\/tariffs\/([^/]+)\/versions\/(\d+)/, (_request, [id]) =>
        id === tariff.tariffId
          ? { status: 200, body: tariff }
          : coded(404, 'TARIFF_UNKNOWN', `no tariff ${id ?? ''}`),
      )
      .on('POST', /\/accounts\/acc-1\/keys/, (request) => {
        const input = request.body as Record<string, unknown>;
        const record: KeyRecord = {
          keyId: typeof input['keyId'] === 'string' ? input['keyId'] : 'key-generated',
          accountId: 'acc-1',
          meterId: account.meterId,
          tariffId: tariff.tariffId,
          tariffVersion: tariff.version,
          partitionId: tariff.partitionId,
          validFrom: String(input['validFrom']),
          keyHash: 'b'.repeat(64),
          issuedByMsp: 'PTBMSP',
          issuedAt: '2026-01-02T00:00:00.000Z',
          txId: 'tx-key',
        };
        return { status: 201, body: record };
      })
      .on('POST', /\/accounts\/acc-2\/keys/, () =>
        coded(409, 'KEY_POLICY_VIOLATION', 'a fifth key within 12 months'),
      )
      .on('GET', /\/accounts\/acc-1/, () => ({ status: 200, body: account }))
      .on('GET', /\/accounts\/acc-1\/ciphertexts\?period=2026-01/, () => ({ status: 200, body: ciphertexts }))
      .on('GET', /\/accounts\/acc-1\/statements/, () => ({ status: 200, body: [statement] }));
    const networkFile = path.join(dir, 'network.json');
    const principal = (name: string, role: string): Record<string, string> => ({
      name,
      role,
      issuer: 'PTBMSP',
      token: `token-${name}`,
    });
    writeFileSync(
      networkFile,
      JSON.stringify({
        services: {
          billing: [{ process: 'service-billing', org: 'PTB', mspId: 'PTBMSP', url: billing.url }],
        },
        identity: {
          principals: [
            principal('stadtwerke-nord', 'utility'),
            principal('customer-0001', 'customer'),
            principal('customer-0002', 'customer'),
          ],
        },
      }),
    );
    env = { METROCHAIN_NETWORK_FILE: networkFile, METROCHAIN_FE_CACHE_DIR: path.join(dir, 'fe-cache') };
  });
  after(() => billing.close());

  async function newSeed(name: string): Promise<string> {
    const run = await cli(['seed', '--out', path.join(dir, name)], { env, fe });
    assert.equal(run.code, 0, run.stderr);
    return String(run.json()['seedFile']);
  }

  it('writes a new seed file of mode 0600, never prints the seed, and never overwrites one', async () => {
    const file = path.join(dir, 'meter.seed');
    const run = await cli(['seed', '--out', file], { env, fe });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.json(), { seedFile: file });
    const text = readFileSync(file, 'utf8');
    assert.equal(text, `${Buffer.from(fe.generateSeed()).toString('base64')}\n`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(!run.stdout.includes(text.trim()));
    const again = await cli(['seed', '--out', file], { env, fe });
    assert.deepEqual([again.code, again.stdout], [1, '']);
    assert.match(again.stderr, /^FILE_EXISTS: .*meter\.seed exists; refusing to overwrite it/);
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  it("issues a key for the tariff's weights as the network file's first customer", async () => {
    const seedFile = await newSeed('key.seed');
    const args = ['key', '--seed', seedFile, '--account', 'acc-1', '--tariff', 'tou-2026', '--version', '1'];
    const run = await cli([...args, '--valid-from', '2026-01', '--key-id', 'key-1'], { env, fe });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual([run.json()['keyId'], run.json()['partitionId']], ['key-1', tariff.partitionId]);
    const weights = fe.keys.at(-1)?.weights ?? [];
    assert.deepEqual(
      [weights.length, weights[0], weights[27], weights[28], weights[95]],
      [96, 22, 22, 35, 35],
    );
    const [get, post] = billing.requests.slice(-2);
    assert.equal(get?.path, '/tariffs/tou-2026/versions/1');
    assert.deepEqual(post?.body, {
      tariffId: 'tou-2026',
      tariffVersion: 1,
      validFrom: '2026-01',
      keyId: 'key-1',
      functionalKey: fe.functionalKey(fe.generateSeed(), weights),
    });
    assert.equal(post.authorization, 'Bearer token-customer-0001');

    const named = await cli(
      [...args, '--valid-from', '2026-02', '--valid-to', '2026-07', '--customer', 'customer-0002'],
      { env, fe },
    );
    assert.equal(named.code, 0, named.stderr);
    assert.equal(named.json()['keyId'], 'key-generated');
    assert.deepEqual(
      [
        billing.requests.at(-1)?.authorization,
        (billing.requests.at(-1)?.body as Record<string, unknown>)['validTo'],
      ],
      ['Bearer token-customer-0002', '2026-07'],
    );
    const byToken = await cli([...args, '--valid-from', '2026-03', '--token', 'given'], {
      env: { ...env, METROCHAIN_TOKEN: 'env' },
      fe,
    });
    assert.equal(byToken.code, 0, byToken.stderr);
    assert.equal(billing.requests.at(-1)?.authorization, 'Bearer given');
  });

  it("passes the service's refusals through and reads nothing but a valid seed", async () => {
    const seedFile = await newSeed('refused.seed');
    const args = [
      'key',
      '--seed',
      seedFile,
      '--tariff',
      'tou-2026',
      '--version',
      '1',
      '--valid-from',
      '2026-01',
    ];
    const policy = await cli([...args, '--account', 'acc-2'], { env, fe });
    assert.deepEqual(
      [policy.code, policy.stderr],
      [1, 'KEY_POLICY_VIOLATION: a fifth key within 12 months\n'],
    );
    const unknown = await cli(
      ['key', ...args.slice(1).map((arg) => (arg === 'tou-2026' ? 'flat' : arg)), '--account', 'acc-1'],
      { env, fe },
    );
    assert.deepEqual([unknown.code, unknown.stderr], [1, 'TARIFF_UNKNOWN: no tariff flat\n']);
    const badSeed = path.join(dir, 'bad.seed');
    writeFileSync(badSeed, 'not a seed\n');
    const before = billing.requests.length;
    const invalid = await cli(['key', '--seed', badSeed, ...args.slice(3), '--account', 'acc-1'], {
      env,
      fe,
    });
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /^SEED_INVALID: .*bad\.seed does not hold a seed/);
    assert.equal(billing.requests.length, before);
  });

  it("decrypts the month's readings with the account's meter, and fails FE_NO_RESULT for another meter", async () => {
    const seedFile = await newSeed('decrypt.seed');
    const seed = fe.generateSeed();
    const at = (day: string, slot: number, wh: number, seq: number): SlotCiphertext => ({
      day,
      slot,
      seq,
      ciphertext: fe.encrypt(seed, fe.feLabel(account.meterId, day), slot, wh),
    });
    ciphertexts = [at('2026-01-02', 5, 90, 12), at('2026-01-01', 95, 310, 11), at('2026-01-01', 0, 250, 10)];
    const args = ['decrypt', '--seed', seedFile, '--account', 'acc-1', '--period', '2026-01'];
    const run = await cli(args, { env, fe });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.json(), {
      meterId: 'meter-7',
      period: '2026-01',
      readings: [
        { day: '2026-01-01', slot: 0, seq: 10, wh: 250 },
        { day: '2026-01-01', slot: 95, seq: 11, wh: 310 },
        { day: '2026-01-02', slot: 5, seq: 12, wh: 90 },
      ],
      totalWh: 650,
      slots: 3,
    });
    assert.deepEqual(fe.solvers.at(-1), { babyStepBits: 20, cacheDir: path.join(dir, 'fe-cache') });
    assert.ok(statSync(path.join(dir, 'fe-cache')).isDirectory());
    assert.deepEqual(
      billing.requests.slice(-2).map((request) => request.path),
      ['/accounts/acc-1', '/accounts/acc-1/ciphertexts?period=2026-01'],
    );

    const wrongMeter = await cli([...args, '--meter', 'meter-8'], { env, fe });
    assert.equal(wrongMeter.code, 1);
    assert.match(wrongMeter.stderr, /^FE_NO_RESULT: 2026-01-02 slot 5 of meter meter-8: /);
    assert.equal(billing.requests.at(-1)?.path, '/accounts/acc-1/ciphertexts?period=2026-01');
  });

  it("takes the fleet's customer-seeds.json, using the account's meter's seed", async () => {
    const seedsFile = path.join(dir, 'customer-seeds.json');
    const mine = fe.generateSeed();
    const entry = (meterId: string, seed: Uint8Array): Record<string, string> => ({
      meterId,
      customer: 'customer-0001',
      seed: Buffer.from(seed).toString('base64'),
    });
    writeFileSync(
      seedsFile,
      JSON.stringify([entry('meter-6', new Uint8Array(32).fill(3)), entry(account.meterId, mine)]),
    );
    ciphertexts = [
      {
        day: '2026-01-09',
        slot: 9,
        seq: 1,
        ciphertext: fe.encrypt(mine, fe.feLabel(account.meterId, '2026-01-09'), 9, 42),
      },
    ];
    const run = await cli(['decrypt', '--seed', seedsFile, '--account', 'acc-1', '--period', '2026-01'], {
      env,
      fe,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.json()['totalWh'], 42);
    const args = [
      '--seed',
      seedsFile,
      '--account',
      'acc-1',
      '--tariff',
      'tou-2026',
      '--version',
      '1',
      '--valid-from',
      '2026-04',
    ];
    const key = await cli(['key', ...args], { env, fe });
    assert.equal(key.code, 0, key.stderr);
    assert.deepEqual(
      billing.requests.slice(-3).map((request) => `${request.method} ${request.path}`),
      ['GET /accounts/acc-1', 'GET /tariffs/tou-2026/versions/1', 'POST /accounts/acc-1/keys'],
    );
    assert.equal(fe.keys.at(-1)?.seed, fe.keys[0]?.seed);
    const missing = await cli(
      ['decrypt', '--seed', seedsFile, '--account', 'acc-1', '--period', '2026-01', '--meter', 'meter-5'],
      { env, fe },
    );
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^SEED_INVALID: .*customer-seeds\.json has no seed for meter meter-5/);
  });

  it('lists the statements as the service answers them', async () => {
    const run = await cli(['statements', '--account', 'acc-1', '--billing', billing.url, '--token', 't'], {
      env: {},
      fe,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [statement]);
    assert.equal(billing.requests.at(-1)?.authorization, 'Bearer t');
  });
});
