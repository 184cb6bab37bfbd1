import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { SlotCiphertext } from '@metrochain/contracts';
import { READING_BOUND, SLOTS_PER_DAY, encryptReading, feLabel } from '@metrochain/fe';
import { FakeService } from '@metrochain/tool-kit/testing';
import { readSeedFile, seedOf } from './seed/seed-file';
import { cli } from './testing/run-cli';

const meterId = 'meter-fe-1';

/** The billing API the round trip needs: a tariff, key issuance (recorded) and the month's ciphertexts. */
async function billingApi(ciphertexts: SlotCiphertext[], keys: unknown[]): Promise<FakeService> {
  const tariff = {
    tariffId: 'tou',
    version: 1,
    currency: 'EUR',
    bands: Array.from({ length: SLOTS_PER_DAY }, (_, slot) => (slot < 32 ? 0 : 1)),
    pricesMinorPerKWh: [20, 30],
    approvedBy: 'operator-ptb',
    partitionId: 'c'.repeat(64),
    approvedByMsp: 'PTBMSP',
    approvedAt: '2026-01-01T00:00:00.000Z',
    txId: 'tx-1',
  };
  const record = {
    keyId: 'k',
    accountId: 'acc-fe',
    meterId,
    tariffId: 'tou',
    tariffVersion: 1,
    validFrom: '2026-01',
  };
  const recorded = {
    partitionId: tariff.partitionId,
    keyHash: 'b'.repeat(64),
    issuedByMsp: 'PTBMSP',
    issuedAt: tariff.approvedAt,
    txId: 'tx-2',
  };
  return (await FakeService.start())
    .on('GET', /\/tariffs\/tou\/versions\/1/, () => ({ status: 200, body: tariff }))
    .on('POST', /\/accounts\/acc-fe\/keys/, (request) => {
      keys.push(request.body);
      return { status: 201, body: { ...record, ...recorded } };
    })
    .on('GET', /\/accounts\/acc-fe\/ciphertexts\?period=2026-01/, () => ({ status: 200, body: ciphertexts }));
}

describe('seed, key and decrypt through the real libs/fe', () => {
  it('decrypts what the meter encrypted with the seed the CLI generated, and issues a 64-byte key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'customer-cli-fe-'));
    const ciphertexts: SlotCiphertext[] = [];
    const keys: unknown[] = [];
    const billing = await billingApi(ciphertexts, keys);
    const env = {
      METROCHAIN_BILLING_URL: billing.url,
      METROCHAIN_TOKEN: 'customer',
      METROCHAIN_FE_CACHE_DIR: path.join(dir, 'cache'),
    };
    try {
      const seedFile = path.join(dir, 'meter.seed');
      const created = await cli(['seed', '--out', seedFile], { env });
      assert.equal(created.code, 0, created.stderr);
      const seed = seedOf(readSeedFile(seedFile), meterId);
      const readings = [
        { day: '2026-01-01', slot: 0, wh: 0 },
        { day: '2026-01-01', slot: 95, wh: 1234 },
        { day: '2026-01-31', slot: 40, wh: -17 },
        { day: '2026-01-31', slot: 41, wh: READING_BOUND - 1 },
      ];
      readings.forEach(({ day, slot, wh }, seq) => {
        ciphertexts.push({
          day,
          slot,
          seq,
          ciphertext: encryptReading(seed, feLabel(meterId, day), slot, wh),
        });
      });
      const args = ['--seed', seedFile, '--account', 'acc-fe'];
      const run = await cli(['decrypt', ...args, '--period', '2026-01', '--meter', meterId], { env });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(
        (run.json()['readings'] as { wh: number }[]).map((reading) => reading.wh),
        readings.map((reading) => reading.wh),
      );
      assert.equal(run.json()['totalWh'], 1234 - 17 + READING_BOUND - 1);

      const wrongMeter = await cli(['decrypt', ...args, '--period', '2026-01', '--meter', 'meter-fe-2'], {
        env,
      });
      assert.equal(wrongMeter.code, 1);
      assert.match(wrongMeter.stderr, /^FE_NO_RESULT: /);

      const key = await cli(
        ['key', ...args, '--tariff', 'tou', '--version', '1', '--valid-from', '2026-01'],
        { env },
      );
      assert.equal(key.code, 0, key.stderr);
      const functionalKey = String((keys[0] as Record<string, unknown>)['functionalKey']);
      assert.equal(Buffer.from(functionalKey, 'base64').length, 64);
    } finally {
      await billing.close();
    }
  });
});
