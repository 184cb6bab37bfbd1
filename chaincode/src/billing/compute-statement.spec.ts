import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BillingEvents, FUNCTIONAL_KEY_TRANSIENT, statementSchema } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { newMeterKeys } from '../registry/testing/registry-fixtures';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import { BillingContract } from './billing.contract';
import { daysOfMonth } from './months';
import {
  BANDS,
  billedMeter,
  billingTx,
  fakeEvaluator,
  fillMonth,
  functionalKey,
} from './testing/billing-fixtures';

const keys = newMeterKeys();
const REQUEST = JSON.stringify({ accountId: 'acc-1', period: '2026-01', keyId: 'key-1' });
const withKey = (fill = 1): Record<string, string> => ({
  [FUNCTIONAL_KEY_TRANSIENT]: functionalKey(fill).key,
});

async function compute(
  contract: BillingContract,
  state: Map<string, Uint8Array>,
  options: Readonly<{
    request?: string;
    transient?: Record<string, string>;
    at?: string;
    txId?: string;
  }> = {},
): Promise<{ json: string; events: string[]; writes: string[] }> {
  const seconds = Date.parse(options.at ?? '2026-02-02T00:00:00Z') / 1000;
  const { ctx, stub } = billingTx(state, {
    seconds,
    txId: options.txId ?? 'tx-bill',
    transient: options.transient ?? withKey(),
  });
  const json = await contract.computeStatement(ctx, options.request ?? REQUEST);
  return { json, events: stub.events.map((event) => event.name), writes: stub.writtenKeys };
}

describe('BillingContract.computeStatement', () => {
  it('solves a complete month with the tariff’s weights, the days in order, and rounds the amount', async () => {
    const { evaluate, calls } = fakeEvaluator(1_234_567n);
    const contract = BillingContract.withEvaluator(evaluate);
    const state = await billedMeter(contract, keys);
    fillMonth(state, 'meter-1', '2026-01');
    const { json, events } = await compute(contract, state);
    const statement = statementSchema.parse(JSON.parse(json));
    assert.ok(statement.status === 'complete');
    assert.deepEqual(
      [
        statement.innerProductMilliMinor,
        statement.amountMinor,
        statement.revision,
        statement.slotsExpected,
        statement.slotsReceived,
      ],
      [1_234_567, 1235, 1, 31 * 96, 31 * 96],
    );
    assert.deepEqual([statement.currency, statement.customer, statement.missing], ['EUR', 'alice', []]);
    assert.deepEqual(events, [BillingEvents.statementComputed]);
    const [call] = calls;
    assert.equal(call?.key, functionalKey(1).key);
    assert.deepEqual(
      call.weights,
      BANDS.map((band) => [20, 35, 30][band]),
    );
    assert.deepEqual(
      call.days.map((day) => day.label),
      daysOfMonth('2026-01').map((day) => `meter-1|${day}`),
    );
    assert.ok(call.days.every((day) => day.ciphertexts.length === 96));
    assert.equal(call.days[1]?.ciphertexts[0], Buffer.alloc(32, 97).toString('base64'));
    const stored = await contract.getStatement(newStubContext({ state }).ctx, 'acc-1', '2026-01');
    assert.equal(stored, json);
  });

  it('returns a complete statement unchanged, without a write or an event', async () => {
    const { evaluate, calls } = fakeEvaluator(-1500n);
    const contract = BillingContract.withEvaluator(evaluate);
    const state = await billedMeter(contract, keys);
    fillMonth(state, 'meter-1', '2026-01');
    const first = await compute(contract, state);
    const statement = statementSchema.parse(JSON.parse(first.json));
    assert.deepEqual(
      [statement.status, statement.status === 'complete' && statement.amountMinor],
      ['complete', -2],
    );
    const again = await compute(contract, state, { txId: 'tx-again', at: '2026-03-01T00:00:00Z' });
    assert.deepEqual([again.json, again.events, again.writes, calls.length], [first.json, [], [], 1]);
  });

  it('lists the missing slots as ranges and gives no amount; a new revision once readings arrived', async () => {
    const { evaluate, calls } = fakeEvaluator(10_000n);
    const contract = BillingContract.withEvaluator(evaluate);
    const state = await billedMeter(contract, keys);
    fillMonth(
      state,
      'meter-1',
      '2026-01',
      new Set(['2026-01-03/94', '2026-01-03/95', '2026-01-04/0', '2026-01-20/7']),
    );
    const first = statementSchema.parse(JSON.parse((await compute(contract, state)).json));
    assert.ok(first.status === 'incomplete');
    assert.equal('amountMinor' in first, false);
    assert.deepEqual([first.slotsExpected - first.slotsReceived, first.revision, calls.length], [4, 1, 0]);
    assert.deepEqual(first.missing, [
      { day: '2026-01-03', fromSlot: 94, toSlot: 95 },
      { day: '2026-01-04', fromSlot: 0, toSlot: 0 },
      { day: '2026-01-20', fromSlot: 7, toSlot: 7 },
    ]);
    const unchanged = await compute(contract, state, { txId: 'tx-2' });
    assert.deepEqual([JSON.parse(unchanged.json), unchanged.writes], [first, []]);
    fillMonth(state, 'meter-1', '2026-01');
    const second = statementSchema.parse(JSON.parse((await compute(contract, state, { txId: 'tx-3' })).json));
    assert.deepEqual([second.status, second.revision, second.txId], ['complete', 2, 'tx-3']);
    assert.notEqual(second.ciphertextSetSha256, first.ciphertextSetSha256);
    const listed = await contract.listStatements(newStubContext({ state }).ctx, 'acc-1');
    assert.deepEqual(JSON.parse(listed), [second]);
  });

  it('caps the missing ranges of an empty month', async () => {
    const contract = BillingContract.withEvaluator(fakeEvaluator(0n).evaluate);
    const state = await billedMeter(contract, keys);
    const statement = statementSchema.parse(JSON.parse((await compute(contract, state)).json));
    assert.deepEqual([statement.slotsReceived, statement.missing.length], [0, 31]);
    assert.deepEqual(statement.missing[0], { day: '2026-01-01', fromSlot: 0, toSlot: 95 });
  });

  it('writes nothing when the key does not open the readings (FE_NO_RESULT)', async () => {
    const failure = new DomainError({ code: 'FE_NO_RESULT', message: 'no logarithm within the bound' });
    const contract = BillingContract.withEvaluator(fakeEvaluator(failure).evaluate);
    const state = await billedMeter(contract, keys);
    fillMonth(state, 'meter-1', '2026-01');
    await assert.rejects(compute(contract, state), chaincodeErrorWithCode('FE_NO_RESULT'));
    await assert.rejects(
      contract.getStatement(newStubContext({ state }).ctx, 'acc-1', '2026-01'),
      chaincodeErrorWithCode('NOT_FOUND'),
    );
    const other = BillingContract.withEvaluator(fakeEvaluator(new TypeError('bug')).evaluate);
    await assert.rejects(compute(other, state), TypeError);
  });

  it('refuses each bad request with its code', async () => {
    const contract = BillingContract.withEvaluator(fakeEvaluator(0n).evaluate);
    const state = await billedMeter(contract, keys);
    const request = (period: string, keyId = 'key-1'): string =>
      JSON.stringify({ accountId: 'acc-1', period, keyId });
    const cases: [Parameters<typeof compute>[2], Parameters<typeof chaincodeErrorWithCode>[0]][] = [
      [{ transient: {} }, 'FE_KEY_MISSING'],
      [{ transient: { [FUNCTIONAL_KEY_TRANSIENT]: 'AAAA' } }, 'INVALID_ARGUMENT'],
      [{ transient: withKey(2) }, 'KEY_MISMATCH'],
      [{ request: request('2026-01', 'key-9') }, 'KEY_UNKNOWN'],
      [
        { request: JSON.stringify({ accountId: 'acc-9', period: '2026-01', keyId: 'key-1' }) },
        'ACCOUNT_UNKNOWN',
      ],
      [{ request: request('2025-12') }, 'PERIOD_BEFORE_BILLING'],
      [{ request: request('2026-02') }, 'PERIOD_OPEN'],
      [{ at: '2026-01-31T23:59:59Z' }, 'PERIOD_OPEN'],
      [{ request: request('2026-01') + 'x' }, 'INVALID_ARGUMENT'],
    ];
    for (const [options, code] of cases) {
      await assert.rejects(compute(contract, state, options), chaincodeErrorWithCode(code), code);
    }
    await compute(contract, state, { at: '2026-02-01T00:00:00Z' });
  });

  it('refuses a period outside the key’s validity (KEY_NOT_VALID_FOR_PERIOD)', async () => {
    const contract = BillingContract.withEvaluator(fakeEvaluator(0n).evaluate);
    const state = await billedMeter(contract, keys);
    const { keyHash } = functionalKey(2);
    const next = JSON.stringify({
      keyId: 'key-2',
      accountId: 'acc-1',
      tariffId: 'tou',
      tariffVersion: 1,
      validFrom: '2026-03',
      keyHash,
    });
    await contract.issueKey(billingTx(state).ctx, next);
    const march = JSON.stringify({ accountId: 'acc-1', period: '2026-03', keyId: 'key-1' });
    await assert.rejects(
      compute(contract, state, { request: march, at: '2026-04-02T00:00:00Z' }),
      chaincodeErrorWithCode('KEY_NOT_VALID_FOR_PERIOD'),
    );
    const january = JSON.stringify({ accountId: 'acc-1', period: '2026-01', keyId: 'key-2' });
    await assert.rejects(
      compute(contract, state, { request: january, transient: withKey(2) }),
      chaincodeErrorWithCode('KEY_NOT_VALID_FOR_PERIOD'),
    );
  });
});
