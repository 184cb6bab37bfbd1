import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import type { BillingStatementsV1 } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { LedgerError } from '@metrochain/ledger';
import { KeyVault } from '../keys/key-vault';
import { FakeBillingLedger, FakeRedisHashes } from '../testing/fake-billing-ledger';
import { StatementCloser } from './statement-closer';

const DAY = 24 * 3600 * 1000;
const KEY = Buffer.alloc(64, 7).toString('base64');
const KEY_HASH = createHash('sha256').update(Buffer.alloc(64, 7)).digest('hex');

describe('StatementCloser', () => {
  let ledger: FakeBillingLedger;
  let redis: FakeRedisHashes;
  let vault: KeyVault;
  let published: BillingStatementsV1[];
  let failures: string[];
  let now: number;
  let closer: StatementCloser;

  beforeEach(async () => {
    ledger = new FakeBillingLedger();
    redis = new FakeRedisHashes();
    vault = new KeyVault(redis);
    published = [];
    failures = [];
    now = Date.parse('2026-04-03T12:00:00Z');
    closer = new StatementCloser({
      ledger,
      vault,
      redis,
      publish: (statement) => {
        published.push(statement);
        return Promise.resolve();
      },
      settings: { graceMs: 2 * DAY, intervalMs: 1000, retryMs: 60_000 },
      now: () => now,
      onFailure: (accountId, period) => failures.push(`${accountId} ${period}`),
    });
    await ledger.approveTariff({
      tariffId: 'tou',
      version: 1,
      currency: 'EUR',
      bands: Array.from({ length: 96 }, () => 0),
      pricesMinorPerKWh: [30],
      approvedBy: 'operator-ptb',
    });
    await ledger.openAccount({
      accountId: 'acc-1',
      utility: 'stadtwerke-nord',
      customer: 'customer-0001',
      meterId: 'meter-1',
      billingFrom: '2026-01',
    });
  });

  async function issue(keyId: string, validFrom: string, validTo?: string): Promise<void> {
    await ledger.issueKey({
      keyId,
      accountId: 'acc-1',
      tariffId: 'tou',
      tariffVersion: 1,
      validFrom,
      ...(validTo === undefined ? {} : { validTo }),
      keyHash: KEY_HASH,
    });
    await vault.put('acc-1', keyId, KEY);
    ledger.amounts.set(keyId, 84_503_250);
  }

  it('bills every month past its grace window with the key covering it, once, and publishes each statement once', async () => {
    await issue('k1', '2026-01', '2026-03');
    await closer.tick();
    // March ended two days and twelve hours ago: within grace it is not; January and February are.
    assert.deepEqual(
      ledger.computed.map((call) => [call.request.period, call.request.keyId, call.functionalKey]),
      [
        ['2026-01', 'k1', KEY],
        ['2026-02', 'k1', KEY],
      ],
    );
    assert.deepEqual(
      published.map((statement) => [statement.period, statement.revision, statement.blockNumber > 0]),
      [
        ['2026-01', 1, true],
        ['2026-02', 1, true],
      ],
    );
    await closer.tick();
    assert.equal(ledger.computed.length, 2, 'complete statements are final');
    assert.equal(published.length, 2);
    assert.deepEqual(failures, []);
  });

  it('leaves months no key covers alone and does not ask again for a key that gave FE_NO_RESULT', async () => {
    await issue('k1', '2026-02', '2026-03');
    ledger.amounts.delete('k1');
    await closer.tick();
    assert.deepEqual(failures, ['acc-1 2026-02'], 'January has no key: skipped silently');
    await closer.tick();
    assert.equal(ledger.computed.length, 1, 'not again within retryMs');
    now += 60_000;
    await closer.tick();
    assert.equal(ledger.computed.length, 1, 'FE_NO_RESULT is final for a key: not asked again');
  });

  it('retries other failures after retryMs', async () => {
    await issue('k1', '2026-02', '2026-03');
    const failing = ledger.computeStatement.bind(ledger);
    let calls = 0;
    ledger.computeStatement = (request, key) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('peer down')) : failing(request, key);
    };
    await closer.tick();
    assert.deepEqual(failures, ['acc-1 2026-02']);
    await closer.tick();
    assert.equal(calls, 1, 'not again within retryMs');
    now += 60_000;
    await closer.tick();
    assert.equal(published.at(-1)?.period, '2026-02');
  });

  it('tries again at the next pass when the ledger could not be reached, and publishes once', async () => {
    await issue('k1', '2026-02', '2026-03');
    const computing = ledger.computeStatement.bind(ledger);
    let calls = 0;
    ledger.computeStatement = (request, key) => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new LedgerError({ code: 'LEDGER_UNAVAILABLE', message: 'the gateway peer is down' }))
        : computing(request, key);
    };
    await closer.tick();
    assert.deepEqual(failures, ['acc-1 2026-02']);
    await closer.tick();
    assert.equal(calls, 2, 'at the next pass, not after retryMs');
    assert.deepEqual(
      published.map((statement) => [statement.period, statement.revision]),
      [['2026-02', 1]],
    );
  });

  it('closes on request only months that have ended, and only with a key the service holds', async () => {
    const account = await ledger.getAccount('acc-1');
    const codeOf = async (period: string): Promise<string> => {
      try {
        await closer.close(account, period);
        return 'closed';
      } catch (error) {
        return isDomainError(error) ? error.code : String(error);
      }
    };
    assert.equal(await codeOf('2026-04'), 'PERIOD_OPEN');
    assert.equal(await codeOf('2026-03'), 'KEY_NOT_ISSUED');
    await ledger.issueKey({
      keyId: 'k9',
      accountId: 'acc-1',
      tariffId: 'tou',
      tariffVersion: 1,
      validFrom: '2026-03',
      keyHash: KEY_HASH,
    });
    assert.equal(await codeOf('2026-03'), 'KEY_NOT_ISSUED', 'recorded on the ledger but not held here');
    await vault.put('acc-1', 'k9', KEY);
    ledger.amounts.set('k9', 1000);
    assert.equal(await codeOf('2026-03'), 'closed', 'the grace window does not bind an explicit close');
  });
});
