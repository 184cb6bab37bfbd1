import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type MeterLifecycleV1,
  RegistryEvents,
  metersAttestedEventSchema,
  lifecyclePublisherStatusSchema,
} from '@metrochain/contracts';
import { isAlive, probe, statePaths, Supervisor } from '@metrochain/devnet';
import { RegistryClient, newChaincodeEventReader, parseEventPayload } from '@metrochain/ledger';
import { createKafkaClient, decodeEvent } from '@metrochain/messaging';
import type { Consumer } from 'kafkajs';
import { attestation, newMeter } from './support/meters';
import { operatorOf } from './support/principals';
import { networkProfile, openSession, type Session } from './support/network';
import {
  type RegistrationInstance,
  TEST_MODEL,
  approveModel,
  registrationInstances,
  instanceOf,
  call,
  newKeyPair,
  register,
  registerActive,
  rotate,
  revoke,
  newMeterId,
  waitUntil,
} from './support/registration-api';

const LIFECYCLE_TOPIC = 'meter.lifecycle.v1';
const SINGLE_CHANGE_EVENTS: readonly string[] = [
  RegistryEvents.meterAttested,
  RegistryEvents.meterActivated,
  RegistryEvents.meterRevoked,
  RegistryEvents.meterKeyRotated,
];

/** A lifecycle change is one meter in one transaction: a batch transaction changes several meters. */
const changeOf = (message: Pick<MeterLifecycleV1, 'txId' | 'meterId'>): string =>
  `${message.txId}/${message.meterId}`;

// ---- meter.lifecycle.v1 ---------------------------------------------------------------------------------------

interface Published {
  value: MeterLifecycleV1;
  partition: number;
  offset: string;
}

/**
 * Every record of the lifecycle topic, read from the beginning by a consumer group of its own. A record the consumer
 * is handed again (a rebalance before its first commit restarts it from the beginning) is kept once, by its
 * partition and offset: a duplicate publication is a second record at another offset, and stays visible.
 */
class LifecycleTopic {
  readonly records: Published[] = [];
  readonly #seen = new Set<string>();
  #consumer: Consumer | undefined;

  async start(): Promise<void> {
    const kafka = createKafkaClient({ clientId: 'it-lifecycle', brokers: networkProfile().kafka.brokers });
    const admin = kafka.admin();
    await admin.connect();
    await waitUntil(
      async () => (await admin.listTopics()).includes(LIFECYCLE_TOPIC),
      `${LIFECYCLE_TOPIC} to exist`,
    );
    await admin.disconnect();
    this.#consumer = kafka.consumer({ groupId: `it-lifecycle-${randomUUID()}` });
    await this.#consumer.connect();
    await this.#consumer.subscribe({ topics: [LIFECYCLE_TOPIC], fromBeginning: true });
    await this.#consumer.run({
      eachMessage: ({ partition, message }) => {
        const at = `${String(partition)}@${message.offset}`;
        if (this.#seen.has(at)) {
          return Promise.resolve();
        }
        this.#seen.add(at);
        this.records.push({
          value: decodeEvent(LIFECYCLE_TOPIC, message).value,
          partition,
          offset: message.offset,
        });
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.#consumer?.disconnect();
  }

  count(txId: string): number {
    return this.records.filter((record) => record.value.txId === txId).length;
  }

  /**
   * Until each transaction has at least `perTx` messages (a batch transaction is published one meter after the
   * other, so its first message is no sign that the rest are there).
   */
  async waitFor(txIds: readonly string[], perTx = 1, timeoutMs = 90_000): Promise<void> {
    await waitUntil(
      () => txIds.every((txId) => this.count(txId) >= perTx),
      `${String(perTx)} lifecycle message(s) of each of ${txIds.join(', ')}`,
      timeoutMs,
    );
  }

  /** Changes (transaction/meter) published more than once, each with where its copies are (partition@offset). */
  duplicates(): string[] {
    const copies = new Map<string, string[]>();
    for (const record of this.records) {
      const change = changeOf(record.value);
      copies.set(change, [...(copies.get(change) ?? []), `${String(record.partition)}@${record.offset}`]);
    }
    return [...copies]
      .filter(([, at]) => at.length > 1)
      .map(([change, at]) => `${change} at ${at.join(', ')}`);
  }
}

/** Every lifecycle change on the ledger (transaction/meter), from block 0 up to and including `lastTxId`. */
async function ledgerLifecycleChanges(session: Session, lastTxId: string): Promise<string[]> {
  const reader = await newChaincodeEventReader({
    network: session.connection.network,
    chaincode: networkProfile().chaincode,
    startBlock: 0n,
  });
  const changes: string[] = [];
  let reachedLast = false;
  const stop = new AbortController();
  const timeout = setTimeout(() => {
    stop.abort();
  }, 60_000);
  for await (const event of reader.events(stop.signal)) {
    const txId = event.transactionId;
    if (SINGLE_CHANGE_EVENTS.includes(event.eventName)) {
      const { meterId } = JSON.parse(new TextDecoder().decode(event.payload)) as { meterId: string };
      changes.push(changeOf({ txId, meterId }));
    } else if (event.eventName === RegistryEvents.metersAttested) {
      const { events } = parseEventPayload(event, metersAttestedEventSchema);
      changes.push(...events.map((inner) => changeOf({ txId, meterId: inner.payload.meterId })));
    }
    if (txId === lastTxId) {
      reachedLast = true;
      stop.abort();
    }
  }
  clearTimeout(timeout);
  assert.ok(reachedLast, `the ledger events reached ${lastTxId}`);
  return changes;
}

async function publisherStatuses(): Promise<[RegistrationInstance, boolean][]> {
  return Promise.all(
    registrationInstances().map(async (instance): Promise<[RegistrationInstance, boolean]> => {
      try {
        const answer = await call(
          instance,
          'GET',
          '/lifecycle/publisher',
          undefined,
          operatorOf(instance.org),
        );
        return [instance, lifecyclePublisherStatusSchema.parse(answer.body).leading];
      } catch {
        return [instance, false];
      }
    }),
  );
}

async function theLeader(): Promise<RegistrationInstance> {
  let leaders: RegistrationInstance[] = [];
  await waitUntil(async () => {
    leaders = (await publisherStatuses()).filter(([, leading]) => leading).map(([instance]) => instance);
    return leaders.length === 1;
  }, 'exactly one registration instance to publish');
  const [leader] = leaders;
  assert.ok(leader);
  return leader;
}

describe('meter.lifecycle.v1 from the registration instances', () => {
  const supervisor = new Supervisor(statePaths());
  const topic = new LifecycleTopic();
  let session: Session;
  let killed: string | undefined;
  before(async () => {
    session = await openSession('PTB', 'verification');
    await topic.start();
  });
  after(async () => {
    await topic.stop();
    session.close();
    const record = killed === undefined ? undefined : supervisor.record(killed);
    if (record !== undefined && !isAlive(record.pid)) {
      supervisor.restart(record.name);
      await waitUntil(() => probe(record.health), `${record.name} to be back`);
    }
  });

  it('carries each lifecycle change exactly once, published by one instance only', async () => {
    const registrar = await openSession('PTB', 'registration');
    const meters = [newMeter('reg-nmi-batch'), newMeter('reg-nmi-batch'), newMeter('reg-nmi-batch')];
    const batch = await RegistryClient.forConnection(registrar.connection)
      .attestBatch({ attestations: meters.map((meter) => attestation(meter, 'PTB')) })
      .finally(() => {
        registrar.close();
      });
    await topic.waitFor([batch.transactionId], meters.length);
    assert.deepEqual(
      topic.records
        .filter((record) => record.value.txId === batch.transactionId)
        .map((record) => record.value.meterId)
        .sort(),
      meters.map((meter) => meter.id).sort(),
      'a batch transaction is one message per meter',
    );

    const meterId = newMeterId();
    const key = newKeyPair();
    const [attested, activated] = await registerActive(meterId, key);
    const rotated = await rotate(instanceOf('Inmetro'), meterId, key, newKeyPair());
    const revoked = await revoke(instanceOf('PTB'), meterId, 'end of life');
    const changes = [attested, activated, rotated, revoked];
    await topic.waitFor(changes.map((change) => change.transactionId));

    const mine = topic.records
      .filter((record) => record.value.meterId === meterId)
      .map((record) => record.value);
    assert.deepEqual(
      mine.map((message) => [message.type, message.txId, message.blockNumber]),
      changes.map((change, index) => [
        ['attested', 'activated', 'key-rotated', 'revoked'][index],
        change.transactionId,
        Number(change.blockNumber),
      ]),
    );
    const [, , rotation, revocation] = mine;
    assert.ok(rotation && revocation);
    assert.equal(rotation.publicKeyPem, rotated.publicKeyPem);
    assert.deepEqual([...revocation.attestedBy].sort(), ['InmetroMSP', 'PTBMSP']);
    assert.equal(revocation.reason, 'end of life');
    // One key, one partition: the meter's history is in order for every consumer.
    assert.equal(
      new Set(topic.records.filter((r) => r.value.meterId === meterId).map((r) => r.partition)).size,
      1,
    );
    await theLeader();
    assert.deepEqual(topic.duplicates(), []);
  });

  it('after kill -9 of the publishing instance and its restart, has neither duplicates nor gaps', async () => {
    // Through PTB's instance, which may be the one killed below.
    await approveModel(TEST_MODEL);
    const leader = await theLeader();
    const record = supervisor.record(leader.process);
    assert.ok(record, `${leader.process} is a recorded process`);
    killed = record.name;
    process.kill(record.pid, 'SIGKILL');
    await waitUntil(() => !isAlive(record.pid), `${record.name} to die`, 10_000);

    // A change while the publisher is gone: a standby must take it over once the lease lapses.
    const survivor = registrationInstances().find((instance) => instance.process !== leader.process);
    assert.ok(survivor);
    const whileDown = newMeterId();
    const duringOutage = await register(survivor, whileDown, newKeyPair());

    supervisor.restart(record.name);
    await waitUntil(() => probe(record.health), `${record.name} to be back`, 90_000);
    const afterRestart = await register(instanceOf(leader.org), newMeterId(), newKeyPair());
    await topic.waitFor([duringOutage.transactionId, afterRestart.transactionId]);
    await theLeader();

    assert.deepEqual(topic.duplicates(), []);
    const onLedger = await ledgerLifecycleChanges(session, afterRestart.transactionId);
    const published = topic.records.map((record) => changeOf(record.value));
    assert.deepEqual(published.sort(), onLedger.sort(), 'the topic holds every ledger lifecycle change once');
  });
});
