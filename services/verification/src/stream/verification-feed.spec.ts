import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRecord } from '@metrochain/contracts';
import { PIPELINE_FETCH_CONFIG } from '@metrochain/messaging';
import { FakeKafka, kafkaMessage } from '@metrochain/messaging/testing';
import { verificationRecord } from './stream-fixtures';
import { FEED_MAX_FETCH_BYTES, STREAM_GROUP_PREFIX, VerificationFeed } from './verification-feed';

const TOPIC = 'verifications.v1';

function newFeed(
  enabled = true,
  /** null: the feed names its own group. */
  groupId: string | null = 'verification-stream-spec',
): {
  feed: VerificationFeed;
  kafka: FakeKafka;
  deliver: (value: string | null, key?: string, offset?: string) => Promise<void>;
  published: VerificationRecord[];
  logs: string[];
  warnings: string[];
  fanout: { listening: boolean };
} {
  const kafka = new FakeKafka();
  const published: VerificationRecord[] = [];
  const logs: string[] = [];
  const warnings: string[] = [];
  const fanout = { listening: true, publish: (record: VerificationRecord) => published.push(record) };
  const feed = new VerificationFeed({
    kafka,
    fanout,
    enabled,
    ...(groupId === null ? {} : { groupId }),
    logger: {
      log: (message: string) => logs.push(message),
      warn: (message: string) => warnings.push(message),
    },
  });
  const deliver = async (value: string | null, key = 'meter-1', offset = '0'): Promise<void> => {
    const consumer = kafka.consumers[0];
    assert.ok(consumer !== undefined, 'the feed is not consuming');
    await consumer.deliver(TOPIC, 0, kafkaMessage({ key, value, offset }));
  };
  return { feed, kafka, deliver, published, logs, warnings, fanout };
}

describe('VerificationFeed', () => {
  it('joins a group of its own at the latest offset and commits nothing', async () => {
    const { feed, kafka } = newFeed();
    await feed.onApplicationBootstrap();
    assert.deepEqual(kafka.consumerConfigs, [
      {
        groupId: 'verification-stream-spec',
        allowAutoTopicCreation: false,
        maxBytes: FEED_MAX_FETCH_BYTES,
        maxBytesPerPartition: FEED_MAX_FETCH_BYTES,
        ...PIPELINE_FETCH_CONFIG,
      },
    ]);
    const consumer = kafka.consumers[0]!;
    assert.deepEqual(consumer.subscription, { topics: [TOPIC], fromBeginning: false });
    assert.equal(consumer.runConfig?.autoCommit, false);
  });

  it('names its group after the stream, per process start, unless given one', async () => {
    const { feed, kafka, logs } = newFeed(true, null);
    await feed.onApplicationBootstrap();
    const groupId = kafka.consumerConfigs[0]?.groupId ?? '';
    assert.ok(groupId.startsWith(`${STREAM_GROUP_PREFIX}-`));
    assert.notEqual(groupId, 'verification-stream-spec');
    assert.deepEqual(logs, [`consuming ${TOPIC} in ${groupId}`]);
  });

  it('hands each record that meets the contract to the fan-out', async () => {
    const { feed, deliver, published } = newFeed();
    await feed.onApplicationBootstrap();
    const record = verificationRecord({ index: 3, outcome: 'invalid' });
    await deliver(JSON.stringify(record));
    assert.deepEqual(published, [record]);
  });

  it('does not even decode a record while no auditor is connected', async () => {
    const { feed, deliver, published, warnings, fanout } = newFeed();
    await feed.onApplicationBootstrap();
    fanout.listening = false;
    await deliver('{not json', 'meter-1', '10');
    await deliver(JSON.stringify(verificationRecord({ index: 4 })));
    assert.deepEqual(published, []);
    assert.deepEqual(warnings, []);
  });

  it('skips a record that is not JSON, breaks the contract or has a bad key, with a warning', async () => {
    const { feed, deliver, published, warnings } = newFeed();
    await feed.onApplicationBootstrap();
    await deliver('{not json', 'meter-1', '10');
    await deliver(null, 'meter-1', '11');
    await deliver(JSON.stringify({ ...verificationRecord(), outcome: 'maybe' }), 'meter-1', '12');
    await deliver(JSON.stringify(verificationRecord()), 'meter 1', '13');
    assert.deepEqual(published, []);
    assert.deepEqual(
      warnings.map((warning) => /offset (\d+)/.exec(warning)?.[1]),
      ['10', '11', '12', '13'],
    );
  });

  it('does not join Kafka when no auditor can subscribe', async () => {
    const { feed, kafka } = newFeed(false);
    await feed.onApplicationBootstrap();
    await feed.beforeApplicationShutdown();
    assert.equal(kafka.consumers.length, 0);
  });

  it('leaves its group on shutdown', async () => {
    const { feed, kafka } = newFeed();
    await feed.onApplicationBootstrap();
    await feed.beforeApplicationShutdown();
    await feed.beforeApplicationShutdown();
    const consumer = kafka.consumers[0]!;
    assert.deepEqual([consumer.stopped, consumer.disconnected], [true, true]);
  });

  it('warns instead of failing the shutdown when the group cannot be left cleanly', async () => {
    const { feed, kafka, warnings } = newFeed();
    await feed.onApplicationBootstrap();
    kafka.consumers[0]!.stop = () => Promise.reject(new Error('broker gone'));
    await feed.beforeApplicationShutdown();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /could not leave the group cleanly: Error: broker gone/);
  });
});
