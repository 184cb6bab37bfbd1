import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '@metrochain/contracts';
import { BroadcastFeed, broadcastGroupId } from './broadcast-feed';
import { PIPELINE_FETCH_CONFIG } from './consumer-config';
import { FakeKafka, kafkaMessage } from './testing/fake-kafka';

const TOPIC = 'verifications.v1';

const sample = EVENT_SAMPLES[TOPIC];

function newFeed(maxFetchBytes?: number): {
  feed: BroadcastFeed<typeof TOPIC>;
  kafka: FakeKafka;
  skipped: string[];
} {
  const kafka = new FakeKafka();
  const skipped: string[] = [];
  const feed = new BroadcastFeed({
    kafka,
    topic: TOPIC,
    groupId: 'feed-spec',
    ...(maxFetchBytes === undefined ? {} : { maxFetchBytes }),
    fetch: PIPELINE_FETCH_CONFIG,
    onSkipped: (offset) => skipped.push(offset),
  });
  return { feed, kafka, skipped };
}

describe('BroadcastFeed', () => {
  it('joins nothing until started, then its own group at the latest offset, committing nothing', async () => {
    const { feed, kafka } = newFeed(1024);
    assert.equal(kafka.consumers.length, 0);
    await feed.start({ listening: true, publish: () => undefined });
    assert.deepEqual(kafka.consumerConfigs, [
      {
        groupId: 'feed-spec',
        allowAutoTopicCreation: false,
        maxBytes: 1024,
        maxBytesPerPartition: 1024,
        ...PIPELINE_FETCH_CONFIG,
      },
    ]);
    const consumer = kafka.consumers[0]!;
    assert.deepEqual(consumer.subscription, { topics: [TOPIC], fromBeginning: false });
    assert.equal(consumer.runConfig?.autoCommit, false);
  });

  it('keeps kafkajs’ fetch size unless given one', async () => {
    const { feed, kafka } = newFeed();
    await feed.start({ listening: true, publish: () => undefined });
    assert.equal('maxBytes' in (kafka.consumerConfigs[0] ?? {}), false);
  });

  it('publishes each record that meets the contract, and skips one that does not', async () => {
    const { feed, kafka, skipped } = newFeed();
    const published: unknown[] = [];
    await feed.start({ listening: true, publish: (value) => published.push(value) });
    const consumer = kafka.consumers[0]!;
    await consumer.deliver(TOPIC, 0, kafkaMessage({ key: sample.key, value: JSON.stringify(sample.value) }));
    await consumer.deliver(TOPIC, 0, kafkaMessage({ key: sample.key, value: '{not json', offset: '7' }));
    assert.deepEqual(published, [sample.value]);
    assert.deepEqual(skipped, ['7']);
  });

  it('does not decode while nobody listens', async () => {
    const { feed, kafka, skipped } = newFeed();
    await feed.start({ listening: false, publish: () => assert.fail('published') });
    await kafka.consumers[0]!.deliver(TOPIC, 0, kafkaMessage({ key: 'meter-1', value: '{not json' }));
    assert.deepEqual(skipped, []);
  });

  it('leaves its group once, and not at all when never started', async () => {
    const idle = newFeed();
    await idle.feed.stop();
    const { feed, kafka } = newFeed();
    await feed.start({ listening: true, publish: () => undefined });
    await feed.stop();
    await feed.stop();
    assert.deepEqual([kafka.consumers[0]?.stopped, kafka.consumers[0]?.disconnected], [true, true]);
  });
});

describe('broadcastGroupId', () => {
  it('differs per call, so that each process gets every record', () => {
    assert.notEqual(broadcastGroupId('spec-stream'), broadcastGroupId('spec-stream'));
    assert.match(broadcastGroupId('spec-stream'), /^spec-stream-[A-Za-z0-9_-]+-\d+-[0-9a-f]{8}$/);
  });
});
