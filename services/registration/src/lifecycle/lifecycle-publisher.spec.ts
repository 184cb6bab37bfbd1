import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { type MeterLifecycleV1, RegistryEvents } from '@metrochain/contracts';
import { FakeLeaseRedis, FakeLedger, FakeTopic, chaincodeEvent, txIdOf } from './lifecycle.fakes';
import { LifecyclePublisher } from './lifecycle-publisher';
import { type Lease, RedisLease } from './publisher-lease';

const TTL_MS = 60;
const quiet = { info: (): void => undefined, warn: (): void => undefined };

/** Block `block` holding one lifecycle event per meter (and an anchored batch nobody publishes). */
function block(block: number, ...meters: string[]): ChaincodeEvent[] {
  return [
    ...meters.map((meterId) =>
      chaincodeEvent(RegistryEvents.meterAttested, BigInt(block), txIdOf(`${block}/${meterId}`), { meterId }),
    ),
    chaincodeEvent(RegistryEvents.batchAnchored, BigInt(block), txIdOf(`${block}/anchor`), {}),
  ];
}

/** One batch transaction attesting several meters. */
function batch(block: number, label: string, ...meters: string[]): ChaincodeEvent {
  return chaincodeEvent(RegistryEvents.metersAttested, BigInt(block), txIdOf(`${block}/${label}`), {
    meters,
  });
}

// The mapping itself is tested in lifecycle-message.spec; here an event's payload just names its meters.
function toMessages(event: ChaincodeEvent): Promise<MeterLifecycleV1[]> {
  const payload = JSON.parse(new TextDecoder().decode(event.payload)) as {
    meterId?: string;
    meters?: string[];
  };
  const meters =
    event.eventName === RegistryEvents.meterAttested
      ? [payload.meterId ?? '']
      : event.eventName === RegistryEvents.metersAttested
        ? (payload.meters ?? [])
        : [];
  return Promise.resolve(
    meters.map((meterId) => ({
      meterId,
      type: 'attested',
      status: 'pending',
      attestedBy: ['PTBMSP'],
      occurredAt: '2025-01-01T00:00:00.000Z',
      txId: event.transactionId,
      blockNumber: Number(event.blockNumber),
    })),
  );
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await delay(5);
  }
}

/** One registration instance: its own lease handle on the shared Redis, publishing into the shared topic. */
class Instance {
  readonly stop = new AbortController();
  readonly publisher: LifecyclePublisher;
  readonly published: MeterLifecycleV1[] = [];
  readonly done: Promise<void>;

  constructor(
    lease: Lease,
    world: { ledger: FakeLedger; topic: FakeTopic },
    publish?: (m: MeterLifecycleV1) => void,
  ) {
    this.publisher = new LifecyclePublisher({
      lease,
      tail: world.topic,
      events: world.ledger.source,
      toMessages,
      publish: (message) => {
        world.topic.publish(message);
        this.published.push(message);
        publish?.(message);
        return Promise.resolve();
      },
      log: quiet,
      standbyPollMs: 10,
    });
    this.done = this.publisher.run(this.stop.signal);
  }

  async shutDown(): Promise<void> {
    this.stop.abort();
    await this.done;
  }
}

describe('LifecyclePublisher', () => {
  let redis: FakeLeaseRedis;
  let ledger: FakeLedger;
  let topic: FakeTopic;
  const instances: Instance[] = [];
  const lease = (holder: string): RedisLease =>
    new RedisLease({ redis: redis.asRedis(), holder, ttlMs: TTL_MS });
  const start = (holder: string, publish?: (m: MeterLifecycleV1) => void): Instance => {
    const instance = new Instance(lease(holder), { ledger, topic }, publish);
    instances.push(instance);
    return instance;
  };
  const txIds = (): string[] => topic.messages().map((m) => m.txId);
  const expected = (...blocks: [number, ...string[]][]): string[] =>
    blocks.flatMap(([number, ...meters]) => meters.map((meterId) => txIdOf(`${number}/${meterId}`)));

  beforeEach(() => {
    redis = new FakeLeaseRedis();
    ledger = new FakeLedger();
    topic = new FakeTopic(3);
  });
  afterEach(async () => {
    redis.down = false;
    await Promise.all(instances.splice(0).map((instance) => instance.shutDown()));
  });

  it('publishes every lifecycle event once, in ledger order, from block 0 of an empty topic', async () => {
    ledger.append(...block(1, 'm1', 'm2'), ...block(2, 'm3'));
    const instance = start('ptb/1');
    await waitUntil(() => topic.messages().length === 3, 'three messages');
    ledger.append(...block(3, 'm1'));
    await waitUntil(() => topic.messages().length === 4, 'the fourth message');
    assert.deepEqual(ledger.starts, [0n]);
    assert.deepEqual(
      instance.published.map((m) => m.txId),
      expected([1, 'm1', 'm2'], [2, 'm3'], [3, 'm1']),
    );
    assert.equal(instance.publisher.leading, true);
    assert.equal(instance.publisher.lastPublished?.txId, txIdOf('3/m1'));
  });

  it('after a restart resumes from the topic at the last block, with neither duplicates nor gaps', async () => {
    ledger.append(...block(1, 'm1'), ...block(2, 'm2', 'm3', 'm4'));
    const first = start('ptb/1');
    await waitUntil(() => topic.messages().length === 4, 'four messages');
    await first.shutDown();
    ledger.append(...block(2, 'm5'), ...block(3, 'm6'));
    start('ptb/2');
    await waitUntil(() => topic.messages().length === 6, 'six messages');
    await delay(TTL_MS);
    assert.deepEqual(ledger.starts, [0n, 2n]);
    assert.deepEqual(txIds().sort(), expected([1, 'm1'], [2, 'm2', 'm3', 'm4', 'm5'], [3, 'm6']).sort());
  });

  it('does not publish again an event whose ack was lost in a crash', async () => {
    ledger.append(...block(1, 'm1', 'm2', 'm3'));
    // The second message reaches the topic, then the process dies before it can go on.
    const crashing = new Instance(
      {
        ttlMs: TTL_MS,
        acquire: () => Promise.resolve(true),
        renew: () => Promise.resolve(true),
        release: () => Promise.resolve(),
        isHeld: () => true,
      },
      { ledger, topic },
      (message) => {
        if (message.meterId === 'm2') {
          throw new Error('killed');
        }
      },
    );
    await waitUntil(() => topic.messages().length === 2, 'two messages');
    await crashing.shutDown();
    start('ptb/2');
    await waitUntil(() => topic.messages().length === 3, 'the third message');
    await delay(TTL_MS);
    assert.deepEqual(txIds().sort(), expected([1, 'm1', 'm2', 'm3']).sort());
  });

  it('resumes inside a batch transaction after a crash, publishing each meter of it once', async () => {
    ledger.append(...block(1, 'm0'), batch(2, 'b', 'm1', 'm2', 'm3', 'm4'));
    const crashing = new Instance(
      {
        ttlMs: TTL_MS,
        acquire: () => Promise.resolve(true),
        renew: () => Promise.resolve(true),
        release: () => Promise.resolve(),
        isHeld: () => true,
      },
      { ledger, topic },
      (message) => {
        if (message.meterId === 'm2') {
          throw new Error('killed');
        }
      },
    );
    await waitUntil(() => topic.messages().length === 3, 'three messages');
    await crashing.shutDown();
    start('ptb/2');
    await waitUntil(() => topic.messages().length === 5, 'five messages');
    await delay(TTL_MS);
    const changes = topic.messages().map((m) => `${m.txId}/${m.meterId}`);
    assert.equal(new Set(changes).size, 5);
    assert.deepEqual(
      topic
        .messages()
        .filter((m) => m.txId === txIdOf('2/b'))
        .map((m) => m.meterId)
        .sort(),
      ['m1', 'm2', 'm3', 'm4'],
    );
  });

  it('with several instances only the lease holder publishes; a standby takes over when it dies', async () => {
    ledger.append(...block(1, 'm1', 'm2'));
    const ptb = start('ptb/1');
    await waitUntil(() => ptb.publisher.leading, 'PTB to lead');
    const inmetro = start('inmetro/1');
    const cmi = start('cmi/1');
    await waitUntil(() => topic.messages().length === 2, 'two messages');
    ledger.append(...block(2, 'm3'));
    await waitUntil(() => topic.messages().length === 3, 'three messages');
    assert.equal(inmetro.published.length + cmi.published.length, 0);

    // A crash: renewals stop and the lease is not released, so the standbys wait for it to lapse.
    redis.entries.get('registration:lifecycle-publisher:lease')!.value = 'ptb/dead';
    await ptb.shutDown();
    ledger.append(...block(3, 'm4'), ...block(4, 'm5'));
    await waitUntil(() => topic.messages().length === 5, 'five messages');
    await delay(TTL_MS);
    assert.equal(inmetro.publisher.leading !== cmi.publisher.leading, true);
    assert.deepEqual(txIds().sort(), expected([1, 'm1', 'm2'], [2, 'm3'], [3, 'm4'], [4, 'm5']).sort());
  });

  it('stops publishing when another instance holds the lease', async () => {
    ledger.append(...block(1, 'm1'));
    const instance = start('ptb/1');
    await waitUntil(() => topic.messages().length === 1, 'one message');
    redis.entries.set('registration:lifecycle-publisher:lease', {
      value: 'inmetro/1',
      expiresAtMs: Date.now() + 60_000,
    });
    await waitUntil(() => !instance.publisher.leading, 'PTB to stand by');
    ledger.append(...block(2, 'm2'));
    await delay(2 * TTL_MS);
    assert.equal(topic.messages().length, 1);
  });

  it('stops publishing once it cannot renew the lease long enough, and stands by until Redis is back', async () => {
    ledger.append(...block(1, 'm1'));
    const instance = start('ptb/1');
    await waitUntil(() => topic.messages().length === 1, 'one message');
    redis.down = true;
    await waitUntil(() => !instance.publisher.leading, 'PTB to stop leading');
    ledger.append(...block(2, 'm2'));
    await delay(TTL_MS);
    assert.equal(topic.messages().length, 1);
    redis.down = false;
    await waitUntil(() => topic.messages().length === 2, 'the second message after Redis came back');
    assert.deepEqual(txIds(), expected([1, 'm1'], [2, 'm2']));
  });

  it('lets go of the lease when it stops, so that a standby need not wait for it to lapse', async () => {
    const instance = start('ptb/1');
    await waitUntil(() => instance.publisher.leading, 'PTB to lead');
    await instance.shutDown();
    assert.equal(redis.entries.size, 0);
  });
});
