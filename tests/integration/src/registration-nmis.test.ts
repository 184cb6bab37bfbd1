import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { defaultNetworkFile } from '@metrochain/config';
import {
  type CommittedMeterView,
  type IssuedRotation,
  type MeterLifecycleV1,
  type MeterView,
  RegistryEvents,
  committedMeterViewSchema,
  metersAttestedEventSchema,
  issuedChallengeSchema,
  issuedRotationSchema,
  lifecyclePublisherStatusSchema,
  meterViewSchema,
} from '@metrochain/contracts';
import { isAlive, probe, statePaths, Supervisor } from '@metrochain/devnet';
import { RegistryClient, newChaincodeEventReader, parseEventPayload } from '@metrochain/ledger';
import { createKafkaClient, decodeEvent } from '@metrochain/messaging';
import { signData } from '@metrochain/pki';
import type { Consumer } from 'kafkajs';
import { attestation, newMeter } from './support/meters';
import { networkProfile, openSession, type Session } from './support/network';

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

// ---- the registration instances of network.json and their HTTP API --------------------------------------------

interface RegistrationInstance {
  process: string;
  org: string;
  mspId: string;
  url: string;
}

function registrationInstances(): RegistrationInstance[] {
  const profile = JSON.parse(readFileSync(defaultNetworkFile(), 'utf8')) as {
    services?: { registration?: RegistrationInstance[] };
  };
  return profile.services?.registration ?? [];
}

function instanceOf(org: string): RegistrationInstance {
  const instance = registrationInstances().find((candidate) => candidate.org === org);
  assert.ok(instance, `network.json lists a registration instance for ${org}`);
  return instance;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  instance: RegistrationInstance,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${instance.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getMeter(instance: RegistrationInstance, meterId: string): Promise<MeterView> {
  const answer = await call(instance, 'GET', `/meters/${meterId}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return meterViewSchema.parse(answer.body);
}

interface KeyPair {
  publicPem: string;
  privatePem: string;
}

function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** Registration by proof of possession through one NMI's instance; returns that NMI's committed attestation. */
async function register(
  instance: RegistrationInstance,
  meterId: string,
  key: KeyPair,
): Promise<CommittedMeterView> {
  const issued = await call(instance, 'POST', '/meters/registrations', {
    meterId,
    model: 'LOOP-2',
    publicKeyPem: key.publicPem,
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const challenge = issuedChallengeSchema.parse(issued.body);
  assert.ok(challenge.statement.includes(`"attester":"${instance.mspId}"`), challenge.statement);
  const answered = await call(
    instance,
    'POST',
    `/meters/registrations/${challenge.registrationId}/response`,
    {
      signature: signData(key.privatePem, challenge.statement),
    },
  );
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
}

/** A meter active after PTB's and Inmetro's instances attested it; returns both committed attestations. */
async function registerActive(
  meterId: string,
  key: KeyPair,
): Promise<[CommittedMeterView, CommittedMeterView]> {
  const first = await register(instanceOf('PTB'), meterId, key);
  const second = await register(instanceOf('Inmetro'), meterId, key);
  return [first, second];
}

async function issueRotation(
  instance: RegistrationInstance,
  meterId: string,
  next: KeyPair,
): Promise<IssuedRotation> {
  const issued = await call(instance, 'POST', `/meters/${meterId}/rotations`, {
    newPublicKeyPem: next.publicPem,
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issuedRotationSchema.parse(issued.body);
}

async function rotate(
  instance: RegistrationInstance,
  meterId: string,
  current: KeyPair,
  next: KeyPair,
): Promise<CommittedMeterView> {
  const issued = await issueRotation(instance, meterId, next);
  const answered = await call(instance, 'POST', `/meters/rotations/${issued.rotationId}/response`, {
    oldKeySignature: signData(current.privatePem, issued.statement),
    newKeySignature: signData(next.privatePem, issued.statement),
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
}

async function revoke(
  instance: RegistrationInstance,
  meterId: string,
  reason: string,
): Promise<CommittedMeterView> {
  const answered = await call(instance, 'POST', `/meters/${meterId}/revocation`, { reason });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return committedMeterViewSchema.parse(answered.body);
}

const newMeterId = (): string => `reg-nmi-${randomUUID()}`;

async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`);
    }
    await delay(250);
  }
}

// ---- the API, instance by instance ---------------------------------------------------------------------------

describe('registration instances, one per NMI, each with its own identity', () => {
  let reader: Session;
  let registry: RegistryClient;
  before(async () => {
    reader = await openSession('Inmetro', 'verification');
    registry = RegistryClient.forConnection(reader.connection);
  });
  after(() => {
    reader.close();
  });

  it('are listed in network.json, PTB on 3001 and Inmetro on 3011', () => {
    const instances = registrationInstances();
    assert.deepEqual(instances.map((instance) => [instance.org, instance.mspId, instance.url]).slice(0, 2), [
      ['PTB', 'PTBMSP', 'http://127.0.0.1:3001'],
      ['Inmetro', 'InmetroMSP', 'http://127.0.0.1:3011'],
    ]);
  });

  it('activate a meter registered through PTB’s instance, then Inmetro’s, each attesting as its own MSP', async () => {
    const meterId = newMeterId();
    const key = newKeyPair();
    const [first, second] = await registerActive(meterId, key);
    assert.equal(first.status, 'pending');
    assert.deepEqual(
      first.attestations.map((a) => a.msp),
      ['PTBMSP'],
    );
    assert.equal(second.status, 'active');
    assert.deepEqual(
      second.attestations.map((a) => a.msp),
      ['PTBMSP', 'InmetroMSP'],
    );
    assert.equal((await getMeter(instanceOf('PTB'), meterId)).status, 'active');
  });

  it('revoke a meter: the view shows it revoked, a second revocation is 409, an unknown meter 404', async () => {
    const meterId = newMeterId();
    await registerActive(meterId, newKeyPair());
    const inmetro = instanceOf('Inmetro');
    const revoked = await revoke(inmetro, meterId, 'seal broken at inspection');
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.revocation?.by, 'InmetroMSP');
    const view = await getMeter(instanceOf('PTB'), meterId);
    assert.equal(view.status, 'revoked');
    assert.equal(view.revocation?.reason, 'seal broken at inspection');

    const again = await call(inmetro, 'POST', `/meters/${meterId}/revocation`, { reason: 'again' });
    assert.deepEqual([again.status, again.body['code']], [409, 'METER_REVOKED']);
    const unknown = await call(inmetro, 'POST', `/meters/${newMeterId()}/revocation`, { reason: 'x' });
    assert.deepEqual([unknown.status, unknown.body['code']], [404, 'METER_UNKNOWN']);
  });

  it('refuse a revocation backdated beyond 24 h (422) and a malformed one (400), changing nothing', async () => {
    const meterId = newMeterId();
    await registerActive(meterId, newKeyPair());
    const ptb = instanceOf('PTB');
    const before = await getMeter(ptb, meterId);
    const effectiveAt = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    const backdated = await call(ptb, 'POST', `/meters/${meterId}/revocation`, { reason: 'x', effectiveAt });
    assert.deepEqual([backdated.status, backdated.body['code']], [422, 'INVALID_ARGUMENT']);
    const malformed = await call(ptb, 'POST', `/meters/${meterId}/revocation`, { reason: '', extra: 1 });
    assert.deepEqual([malformed.status, malformed.body['code']], [400, 'REQUEST_INVALID']);
    assert.deepEqual(await getMeter(ptb, meterId), before);
  });

  it('rotate a key with both signatures: the new key is valid for data measured after, the old one only before', async () => {
    const meterId = newMeterId();
    const oldKey = newKeyPair();
    const newKey = newKeyPair();
    const [, activation] = await registerActive(meterId, oldKey);
    const rotated = await rotate(instanceOf('PTB'), meterId, oldKey, newKey);
    assert.equal(rotated.status, 'active');
    assert.equal(rotated.keyHistory.length, 2);
    assert.equal((await getMeter(instanceOf('Inmetro'), meterId)).keyFingerprint, rotated.keyFingerprint);

    const data = 'speed 87.3 km/h';
    const check = async (key: KeyPair, measuredAt?: string): Promise<boolean> =>
      (
        await registry.checkSignature({
          meterId,
          data,
          signature: signData(key.privatePem, data),
          ...(measuredAt === undefined ? {} : { measuredAt }),
        })
      ).valid;
    assert.equal(await check(newKey), true);
    assert.equal(await check(oldKey), false);
    const beforeRotation = activation.activatedAt;
    assert.ok(beforeRotation);
    assert.equal(await check(oldKey, beforeRotation), true);
    assert.equal(await check(newKey, beforeRotation), false);
  });

  it('refuse wrong rotation signatures with 422 and change nothing; the rotation is then spent (410)', async () => {
    const meterId = newMeterId();
    const key = newKeyPair();
    await registerActive(meterId, key);
    const inmetro = instanceOf('Inmetro');
    const before = await getMeter(inmetro, meterId);
    const next = newKeyPair();
    const impostor = newKeyPair();
    const issued = await issueRotation(inmetro, meterId, next);
    const path = `/meters/rotations/${issued.rotationId}/response`;
    const forged = await call(inmetro, 'POST', path, {
      oldKeySignature: signData(impostor.privatePem, issued.statement),
      newKeySignature: signData(next.privatePem, issued.statement),
    });
    assert.deepEqual([forged.status, forged.body['code']], [422, 'SIGNATURE_INVALID']);
    assert.deepEqual(await getMeter(inmetro, meterId), before);
    const replay = await call(inmetro, 'POST', path, {
      oldKeySignature: signData(key.privatePem, issued.statement),
      newKeySignature: signData(next.privatePem, issued.statement),
    });
    assert.deepEqual([replay.status, replay.body['code']], [410, 'CHALLENGE_UNKNOWN']);

    const withoutNewKey = await issueRotation(inmetro, meterId, next);
    const unsigned = await call(inmetro, 'POST', `/meters/rotations/${withoutNewKey.rotationId}/response`, {
      oldKeySignature: signData(key.privatePem, withoutNewKey.statement),
      newKeySignature: signData(impostor.privatePem, withoutNewKey.statement),
    });
    assert.deepEqual([unsigned.status, unsigned.body['code']], [422, 'SIGNATURE_INVALID']);
    assert.deepEqual(await getMeter(inmetro, meterId), before);
  });
});

// ---- meter.lifecycle.v1 ---------------------------------------------------------------------------------------

interface Published {
  value: MeterLifecycleV1;
  partition: number;
  offset: string;
}

/** Every record of the lifecycle topic, read from the beginning by a consumer group of its own. */
class LifecycleTopic {
  readonly records: Published[] = [];
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

  async waitFor(txIds: readonly string[], timeoutMs = 90_000): Promise<void> {
    await waitUntil(
      () => txIds.every((txId) => this.count(txId) > 0),
      `lifecycle messages of ${txIds.join(', ')}`,
      timeoutMs,
    );
  }

  /** Changes (transaction/meter) published more than once. */
  duplicates(): string[] {
    const seen = new Map<string, number>();
    for (const record of this.records) {
      seen.set(changeOf(record.value), (seen.get(changeOf(record.value)) ?? 0) + 1);
    }
    return [...seen].filter(([, times]) => times > 1).map(([change]) => change);
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
        const answer = await call(instance, 'GET', '/lifecycle/publisher');
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
    await topic.waitFor([batch.transactionId]);
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
