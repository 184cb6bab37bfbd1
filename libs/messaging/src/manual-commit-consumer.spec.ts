import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { PIPELINE_FETCH_CONFIG } from './consumer-config';
import { ManualCommitConsumer, type PartitionFetch } from './manual-commit-consumer';
import type { FakeConsumer } from './testing/fake-consumer';
import { FakeKafka, kafkaMessage } from './testing/fake-kafka';

const TOPIC = 'readings.verified.v1';

/** Waits until `holds` is true (timers may run late on a busy host), failing after 5 s. */
async function until(holds: () => boolean): Promise<void> {
  const started = Date.now();
  while (!holds()) {
    if (Date.now() - started > 5_000) {
      assert.fail('the condition did not hold within 5 s');
    }
    await delay(5);
  }
}

const messages = (offsets: readonly string[]): ReturnType<typeof kafkaMessage>[] =>
  offsets.map((offset) => kafkaMessage({ key: 'meter-1', value: '{}', offset }));

async function started(options: { commitRetryMs?: number; commitAttempts?: number } = {}): Promise<{
  consumer: ManualCommitConsumer<typeof TOPIC>;
  kafka: FakeKafka;
  fake: FakeConsumer;
  fetches: PartitionFetch[];
  rebalances: () => number;
}> {
  const kafka = new FakeKafka();
  const consumer = new ManualCommitConsumer({
    kafka,
    topic: TOPIC,
    groupId: 'spec-group',
    fromBeginning: true,
    partitionsConsumedConcurrently: 6,
    fetch: PIPELINE_FETCH_CONFIG,
    ...options,
  });
  const fetches: PartitionFetch[] = [];
  let rebalances = 0;
  await consumer.connect();
  await consumer.run({
    take: (fetch) => {
      fetches.push(fetch);
      return Promise.resolve();
    },
    rebalanced: () => {
      rebalances += 1;
    },
  });
  return { consumer, kafka, fake: kafka.consumers[0]!, fetches, rebalances: () => rebalances };
}

describe('ManualCommitConsumer', () => {
  it('runs eachBatch in its group without committing or resolving offsets by itself', async () => {
    const { kafka, fake } = await started();
    assert.deepEqual(kafka.consumerConfigs, [
      { groupId: 'spec-group', allowAutoTopicCreation: false, ...PIPELINE_FETCH_CONFIG },
    ]);
    assert.deepEqual(fake.subscription, { topics: [TOPIC], fromBeginning: true });
    assert.equal(fake.runConfig?.autoCommit, false);
    assert.equal(fake.runConfig.eachBatchAutoResolve, false);
    assert.equal(fake.runConfig.partitionsConsumedConcurrently, 6);
  });

  it('hands each fetch of a partition over; resolving an offset and heartbeats reach kafkajs', async () => {
    const { fake, fetches } = await started();
    const delivery = fake.deliverBatch(TOPIC, 2, messages(['10', '11']));
    await delivery.done;
    const [fetch] = fetches;
    assert.ok(fetch !== undefined);
    assert.deepEqual(
      [fetch.partition, fetch.messages.map((message) => message.offset), fetch.lastOffset, fetch.generation],
      [2, ['10', '11'], '11', 0],
    );
    fetch.resolveOffset('11');
    await fetch.heartbeat();
    assert.deepEqual([delivery.resolved, delivery.heartbeats], [['11'], 1]);
    assert.equal(fetch.isCurrent(), true);
    assert.equal(fetch.isRunning(), true);
    assert.deepEqual(fake.commits, []);
  });

  it('hands an empty fetch to nobody', async () => {
    const { fake, fetches } = await started();
    await fake.deliverBatch(TOPIC, 0, []).done;
    assert.deepEqual(fetches, []);
  });

  it('commits a partition past its last handled offset', async () => {
    const { consumer, fake } = await started();
    assert.equal(await consumer.commit(3, '41', 0), true);
    assert.deepEqual(fake.commits, [{ topic: TOPIC, partition: 3, offset: '42' }]);
  });

  it('after a rebalance tells the handler, and neither commits nor keeps current what was fetched before', async () => {
    const { consumer, fake, fetches, rebalances } = await started();
    await fake.deliverBatch(TOPIC, 0, messages(['5'])).done;
    fake.emit(fake.events.GROUP_JOIN);
    assert.equal(rebalances(), 1);
    assert.equal(fetches[0]?.isCurrent(), false);
    assert.equal(await consumer.commit(0, '5', 0), false);
    assert.deepEqual(fake.commits, []);
    await fake.deliverBatch(TOPIC, 0, messages(['5'])).done;
    assert.equal(fetches[1]?.generation, 1);
    assert.equal(await consumer.commit(0, '5', 1), true);
  });

  it('once it stops taking, pauses further fetches instead of handing them over', async () => {
    const { consumer, fake, fetches } = await started();
    await fake.deliverBatch(TOPIC, 0, messages(['1'])).done;
    consumer.stopTaking();
    assert.equal(fetches[0]?.isCurrent(), false);
    const late = fake.deliverBatch(TOPIC, 0, messages(['2']));
    await late.done;
    assert.equal(late.paused, true);
    assert.equal(fetches.length, 1);
    await consumer.stop();
    await consumer.disconnect();
    assert.deepEqual([fake.stopped, fake.disconnected], [true, true]);
  });

  it('tries a failed commit again until it holds, never behind a later commit', async () => {
    const { consumer, fake } = await started({ commitRetryMs: 5 });
    fake.commitFailure = new Error('This is not the correct coordinator for this group');
    await assert.rejects(consumer.commit(1, '9', 0), /not the correct coordinator/);
    fake.commitFailure = undefined;
    await until(() => fake.commits.length > 0);
    assert.deepEqual(fake.commits, [{ topic: TOPIC, partition: 1, offset: '10' }]);

    fake.commitFailure = new Error('coordinator moved');
    await assert.rejects(consumer.commit(1, '19', 0));
    await assert.rejects(consumer.commit(1, '14', 0));
    fake.commitFailure = undefined;
    assert.equal(await consumer.commit(2, '3', 0), true);
    await until(() => fake.committed(1) === '20');
    assert.equal(
      fake.commits.filter((commit) => commit.partition === 1 && Number(commit.offset) < 20).length,
      1,
      'only the first commit, before the later ones, is below 20',
    );
  });

  it('drops a failed commit at a rebalance: its records come again from the committed offset', async () => {
    const { consumer, fake } = await started({ commitRetryMs: 5 });
    fake.commitFailure = new Error('coordinator moved');
    await assert.rejects(consumer.commit(0, '7', 0));
    fake.emit(fake.events.GROUP_JOIN);
    fake.commitFailure = undefined;
    await delay(100);
    assert.deepEqual(fake.commits, []);
  });

  it('replaces the consumer when a commit keeps failing; the new one fetches from the committed offsets', async () => {
    const { consumer, kafka, fake, rebalances } = await started({ commitRetryMs: 2, commitAttempts: 3 });
    fake.commitFailure = new Error('This is not the correct coordinator for this group');
    await assert.rejects(consumer.commit(4, '99', 0));
    await until(() => kafka.consumers.length === 2 && kafka.consumers[1]?.running === true);
    assert.equal(fake.disconnected, true);
    assert.equal(rebalances(), 1);
    assert.equal(kafka.consumers[1]?.running, true);
    assert.deepEqual(fake.commits, []);
    assert.equal(await consumer.commit(4, '99', 0), false, 'the old generation commits nothing');
  });
});
