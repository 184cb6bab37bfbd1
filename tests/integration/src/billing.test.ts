import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type BillingStatementsV1,
  type Statement,
  billingStatementsV1ValueSchema,
} from '@metrochain/contracts';
import { functionalKey } from '@metrochain/fe';
import { createKafkaClient } from '@metrochain/messaging';
import type { Consumer } from 'kafkajs';
import { type BillingAnswer, billing } from './support/billing-api';
import {
  type BillingScenario,
  CUSTOMER,
  OTHER_CUSTOMER,
  OTHER_UTILITY,
  type TariffSpec,
  UTILITY,
  recordedCiphertexts,
  setUpBillingScenario,
} from './support/billing-scenario';
import { customerCli, seedFile } from './support/customer-cli';
import { eventually } from './support/eventually';
import { type SlotValue, feReadings, plaintextBill, uploadBacklog, weightsOf } from './support/fe-meters';
import { finalStatus, ingest, readingIdOf, signReading } from './support/ingest';
import { networkProfile } from './support/network';
import { tokenOf } from './support/principals';

interface KeyRequest {
  tariff: TariffSpec;
  validFrom: string;
  validTo?: string;
  functionalKey: string;
}

function issueKey(accountId: string, customer: string, request: KeyRequest): Promise<BillingAnswer> {
  return billing('POST', `/accounts/${accountId}/keys`, tokenOf(customer), {
    tariffId: request.tariff.tariffId,
    tariffVersion: request.tariff.version,
    validFrom: request.validFrom,
    ...(request.validTo === undefined ? {} : { validTo: request.validTo }),
    functionalKey: request.functionalKey,
  });
}

async function statementOf(accountId: string, period: string): Promise<Statement> {
  return eventually(
    `the statement of ${accountId} for ${period}`,
    async () => {
      const { status, body } = await billing<Statement[]>(
        'GET',
        `/accounts/${accountId}/statements`,
        tokenOf(UTILITY),
      );
      return status === 200 ? body.find((statement) => statement.period === period) : undefined;
    },
    60_000,
    1_000,
  );
}

function expectAmount(statement: Statement, values: readonly SlotValue[], tariff: TariffSpec): void {
  assert.ok(statement.status === 'complete', JSON.stringify(statement));
  const plain = plaintextBill(values, weightsOf(tariff));
  assert.equal(statement.innerProductMilliMinor, plain.innerProductMilliMinor);
  assert.equal(statement.amountMinor, plain.amountMinor);
  assert.equal(statement.tariffId, tariff.tariffId);
  assert.equal(statement.slotsReceived, values.length);
  assert.equal(statement.slotsExpected, values.length);
}

describe('private billing on the real network: encrypted readings in, endorsed statements out', () => {
  let scenario: BillingScenario;
  let consumer: Consumer;
  const events: BillingStatementsV1[] = [];

  before(async () => {
    const kafka = createKafkaClient({ clientId: 'it-billing', brokers: networkProfile().kafka.brokers });
    consumer = kafka.consumer({ groupId: `it-billing-${Date.now().toString(36)}` });
    await consumer.connect();
    await consumer.subscribe({ topics: ['billing.statements.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        events.push(billingStatementsV1ValueSchema.parse(JSON.parse(message.value?.toString() ?? '{}')));
        return Promise.resolve();
      },
    });
    scenario = await setUpBillingScenario();
  });
  after(async () => {
    await consumer.disconnect();
  });

  it('bills a month exactly as the plaintext computes it, on the API and on billing.statements.v1', async () => {
    const { accounts, months, tariffs, meterA, valuesA } = scenario;
    const key = functionalKey(meterA.seed, weightsOf(tariffs.first));
    const issued = await issueKey(accounts.a, CUSTOMER, {
      tariff: tariffs.first,
      validFrom: months[0],
      validTo: months[1],
      functionalKey: key,
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    assert.equal(JSON.stringify(issued.body).includes(key), false, 'the key itself is never returned');
    const statement = await statementOf(accounts.a, months[0]);
    expectAmount(statement, valuesA[0], tariffs.first);
    const event = await eventually('the statement event', () =>
      Promise.resolve(events.find((e) => e.accountId === accounts.a && e.period === months[0])),
    );
    assert.equal(event.txId, statement.txId);
    assert.deepEqual(event, { ...statement, blockNumber: event.blockNumber });
  });

  it("lets the customer decrypt every one of the meter's readings with metrochain-customer", async () => {
    const { accounts, months, meterA, valuesA } = scenario;
    const args = ['--seed', seedFile(meterA.seed), '--account', accounts.a, '--period', months[0]];
    const decrypted = await customerCli(CUSTOMER, 'decrypt', ...args);
    const readings = decrypted['readings'] as { day: string; slot: number; wh: number }[];
    assert.deepEqual(
      readings.map(({ day, slot, wh }) => ({ day, slot, wh })),
      valuesA[0],
    );
    assert.equal(
      decrypted['totalWh'],
      valuesA[0].reduce((sum, value) => sum + value.wh, 0),
    );
  });

  it('bills the next month with a new key for a new tariff, the meter untouched', async () => {
    const { accounts, months, tariffs, meterA, valuesA } = scenario;
    const tariff = ['--tariff', tariffs.changed.tariffId, '--version', String(tariffs.changed.version)];
    const args = ['--seed', seedFile(meterA.seed), '--account', accounts.a, ...tariff];
    const issued = await customerCli(CUSTOMER, 'key', ...args, '--valid-from', months[1]);
    assert.equal(issued['tariffId'], tariffs.changed.tariffId);
    expectAmount(await statementOf(accounts.a, months[1]), valuesA[1], tariffs.changed);
  });

  it('gives an incomplete statement listing the missing slots, never an amount', async () => {
    const { accounts, months, tariffs, meterB, missingB, valuesB } = scenario;
    const key = functionalKey(meterB.seed, weightsOf(tariffs.first));
    const issued = await issueKey(accounts.b, OTHER_CUSTOMER, {
      tariff: tariffs.first,
      validFrom: months[1],
      functionalKey: key,
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    const statement = await statementOf(accounts.b, months[1]);
    assert.equal(statement.status, 'incomplete');
    assert.equal('amountMinor' in statement, false);
    assert.equal(statement.slotsReceived, valuesB.length);
    assert.equal(statement.slotsExpected, valuesB.length + missingB.length);
    const [first, second, last] = missingB;
    assert.deepEqual(statement.missing, [
      { day: first?.day, fromSlot: first?.slot, toSlot: second?.slot },
      { day: last?.day, fromSlot: last?.slot, toSlot: last?.slot },
    ]);
  });

  it('completes an incomplete month as a new revision once the late slots arrive', async () => {
    const { accounts, months, tariffs, meterB, missingB, valuesB } = scenario;
    await uploadBacklog(feReadings(meterB, missingB, valuesB.length + 1));
    await recordedCiphertexts(accounts.b, OTHER_CUSTOMER, months[1], valuesB.length + missingB.length);
    const closed = await billing<Statement>('POST', `/accounts/${accounts.b}/statements`, tokenOf(UTILITY), {
      period: months[1],
    });
    assert.equal(closed.status, 201, JSON.stringify(closed.body));
    assert.equal(closed.body.revision, 2);
    const all = [...valuesB, ...missingB].sort((a, b) => a.day.localeCompare(b.day) || a.slot - b.slot);
    expectAmount(closed.body, all, tariffs.first);
    const revisions = await eventually('both revisions on billing.statements.v1', () => {
      const published = events.filter((e) => e.accountId === accounts.b && e.period === months[1]);
      return Promise.resolve(published.length >= 2 ? published : undefined);
    });
    // At least once: the closer and the utility's request may both publish revision 2.
    const distinct = new Map(revisions.map((event) => [event.revision, event.status]));
    assert.deepEqual(
      [...distinct],
      [
        [1, 'incomplete'],
        [2, 'complete'],
      ],
    );
  });

  for (const [what, account, seedOf, weightsFrom] of [
    ['a key for another function', 'c', 'meterA', 'changed'],
    ['a key of another meter', 'd', 'meterB', 'first'],
  ] as const) {
    it(`answers FE_NO_RESULT for ${what} and writes nothing`, async () => {
      const { accounts, months, tariffs } = scenario;
      const key = functionalKey(scenario[seedOf].seed, weightsOf(tariffs[weightsFrom]));
      const accountId = accounts[account];
      const issued = await issueKey(accountId, CUSTOMER, {
        tariff: tariffs.first,
        validFrom: months[0],
        validTo: months[1],
        functionalKey: key,
      });
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      const closed = await billing('POST', `/accounts/${accountId}/statements`, tokenOf(UTILITY), {
        period: months[0],
      });
      assert.deepEqual([closed.status, closed.body['code']], [422, 'FE_NO_RESULT']);
      const listed = await billing<Statement[]>('GET', `/accounts/${accountId}/statements`, tokenOf(UTILITY));
      assert.deepEqual(listed.body, []);
    });
  }

  it('refuses keys outside the catalogue or the key policy, each with its code', async () => {
    const { accounts, months, tariffs, meterA } = scenario;
    const base = {
      validFrom: `${months[1].slice(0, 4)}-12`,
      functionalKey: functionalKey(meterA.seed, weightsOf(tariffs.first)),
    };
    const unknown = await issueKey(accounts.a, CUSTOMER, {
      ...base,
      tariff: { ...tariffs.first, tariffId: 'no-such-tariff' },
    });
    assert.deepEqual([unknown.status, unknown.body['code']], [422, 'TARIFF_UNKNOWN']);
    const shifted = await issueKey(accounts.a, CUSTOMER, { ...base, tariff: tariffs.otherPartition });
    assert.deepEqual([shifted.status, shifted.body['code']], [422, 'KEY_POLICY_VIOLATION']);
    // Meter A holds four keys issued within twelve months (accounts a, c, d): a fifth exceeds the cap.
    const fifth = await issueKey(accounts.a, CUSTOMER, { ...base, tariff: tariffs.first });
    assert.deepEqual([fifth.status, fifth.body['code']], [422, 'KEY_POLICY_VIOLATION']);
    const keys = await billing<unknown[]>('GET', `/accounts/${accounts.a}/keys`, tokenOf(CUSTOMER));
    assert.equal(keys.body.length, 2, 'nothing recorded for the refused keys');
  });

  it('keeps utilities and customers to their own accounts', async () => {
    const { accounts, months } = scenario;
    const foreign = await billing('GET', `/accounts/${accounts.a}/statements`, tokenOf(OTHER_UTILITY));
    assert.deepEqual([foreign.status, foreign.body['code']], [403, 'ACCOUNT_FORBIDDEN']);
    const neighbour = await billing(
      'GET',
      `/accounts/${accounts.a}/ciphertexts?period=${months[0]}`,
      tokenOf(OTHER_CUSTOMER),
    );
    assert.deepEqual([neighbour.status, neighbour.body['code']], [403, 'ACCOUNT_FORBIDDEN']);
    const anonymous = await billing('GET', `/accounts/${accounts.a}/statements`, undefined);
    assert.equal(anonymous.status, 401);
  });

  it('refuses a second ciphertext for a recorded slot and a malformed point, recording neither', async () => {
    const { accounts, months, meterA, valuesA } = scenario;
    const [first, second] = valuesA[0];
    assert.ok(first !== undefined && second !== undefined);
    const [taken] = feReadings(meterA, [first], scenario.nextSeqA);
    assert.ok(taken !== undefined);
    // 32 bytes that are no canonical ristretto255 encoding, signed by the meter: only the contract can refuse it.
    const badPoint = signReading(meterA.meter, {
      meterId: meterA.meter.id,
      seq: scenario.nextSeqA + 1,
      measuredAt: new Date().toISOString(),
      kind: 'energy-fe',
      payload: { day: second.day, slot: second.slot, ciphertext: Buffer.alloc(32, 0xff).toString('base64') },
    });
    await ingest([taken, badPoint]);
    assert.equal((await finalStatus(readingIdOf(taken))).reason, 'FE_SLOT_TAKEN');
    assert.equal((await finalStatus(readingIdOf(badPoint))).reason, 'PAYLOAD_INVALID');
    const recorded = await recordedCiphertexts(accounts.a, CUSTOMER, months[0], valuesA[0].length);
    assert.equal(recorded.find((entry) => entry.slot === first.slot && entry.day === first.day)?.seq, 1);
  });
});
