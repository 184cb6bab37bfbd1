import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRecord } from '@metrochain/contracts';
import { PIPELINE_FETCH_CONFIG } from '@metrochain/messaging';
import type { ConsumerConfig, ConsumerRunConfig, ConsumerSubscribeTopics, EachMessagePayload } from 'kafkajs';
import { verificationRecord } from './stream-fixtures';
import {
  FEED_MAX_FETCH_BYTES,
  type FeedConsumer,
  VerificationFeed,
  streamGroupId,
} from './verification-feed';

/** Records what the feed asks of kafkajs and lets the spec deliver messages as the broker would. */
class FakeConsumer implements FeedConsumer {
  readonly calls: string[] = [];
  subscribed: ConsumerSubscribeTopics | undefined;
  runConfig: ConsumerRunConfig | undefined;

  connect(): Promise<void> {
    this.calls.push('connect');
    return Promise.resolve();
  }
  subscribe(subscription: ConsumerSubscribeTopics): Promise<void> {
    this.calls.push('subscribe');
    this.subscribed = subscription;
    return Promise.resolve();
  }
  run(config?: ConsumerRunConfig): Promise<void> {
    this.calls.push('run');
    this.runConfig = config;
    return Promise.resolve();
  }
  stop(): Promise<void> {
    this.calls.push('stop');
    return Promise.resolve();
  }
  disconnect(): Promise<void> {
    this.calls.push('disconnect');
    return Promise.resolve();
  }

  async deliver(value: string | null, key = 'meter-1', offset = '0'): Promise<void> {
    const eachMessage = this.runConfig?.eachMessage;
    assert.ok(eachMessage !== undefined);
    await eachMessage({
      topic: 'verifications.v1',
      partition: 0,
      message: { key: Buffer.from(key), value: value === null ? null : Buffer.from(value), offset },
    } as EachMessagePayload);
  }
}

function newFeed(enabled = true): {
  feed: VerificationFeed;
  consumer: FakeConsumer;
  configs: ConsumerConfig[];
  published: VerificationRecord[];
  warnings: string[];
  fanout: { listening: boolean };
} {
  const consumer = new FakeConsumer();
  const configs: ConsumerConfig[] = [];
  const published: VerificationRecord[] = [];
  const warnings: string[] = [];
  const fanout = { listening: true, publish: (record: VerificationRecord) => published.push(record) };
  const feed = new VerificationFeed({
    kafka: {
      consumer: (config) => {
        configs.push(config);
        return consumer;
      },
    },
    fanout,
    enabled,
    groupId: 'verification-stream-spec',
    logger: { log: () => undefined, warn: (message: string) => warnings.push(message) },
  });
  return { feed, consumer, configs, published, warnings, fanout };
}

describe('VerificationFeed', () => {
  it('joins a group of its own at the latest offset and commits nothing', async () => {
    const { feed, consumer, configs } = newFeed();
    await feed.onApplicationBootstrap();
    assert.deepEqual(configs, [
      {
        groupId: 'verification-stream-spec',
        allowAutoTopicCreation: false,
        maxBytes: FEED_MAX_FETCH_BYTES,
        maxBytesPerPartition: FEED_MAX_FETCH_BYTES,
        ...PIPELINE_FETCH_CONFIG,
      },
    ]);
    assert.deepEqual(consumer.calls, ['connect', 'subscribe', 'run']);
    assert.deepEqual(consumer.subscribed, { topics: ['verifications.v1'], fromBeginning: false });
    assert.equal(consumer.runConfig?.autoCommit, false);
  });

  it('hands each record that meets the contract to the fan-out', async () => {
    const { feed, consumer, published } = newFeed();
    await feed.onApplicationBootstrap();
    const record = verificationRecord({ index: 3, outcome: 'invalid' });
    await consumer.deliver(JSON.stringify(record));
    assert.deepEqual(published, [record]);
  });

  it('does not even decode a record while no auditor is connected', async () => {
    const { feed, consumer, published, warnings, fanout } = newFeed();
    await feed.onApplicationBootstrap();
    fanout.listening = false;
    await consumer.deliver('{not json', 'meter-1', '10');
    await consumer.deliver(JSON.stringify(verificationRecord({ index: 4 })));
    assert.deepEqual(published, []);
    assert.deepEqual(warnings, []);
  });

  it('skips a record that is not JSON, breaks the contract or has a bad key, with a warning', async () => {
    const { feed, consumer, published, warnings } = newFeed();
    await feed.onApplicationBootstrap();
    await consumer.deliver('{not json', 'meter-1', '10');
    await consumer.deliver(null, 'meter-1', '11');
    await consumer.deliver(JSON.stringify({ ...verificationRecord(), outcome: 'maybe' }), 'meter-1', '12');
    await consumer.deliver(JSON.stringify(verificationRecord()), 'meter 1', '13');
    assert.deepEqual(published, []);
    assert.deepEqual(
      warnings.map((warning) => /offset (\d+)/.exec(warning)?.[1]),
      ['10', '11', '12', '13'],
    );
  });

  it('does not join Kafka when no auditor can subscribe', async () => {
    const { feed, consumer, configs } = newFeed(false);
    await feed.onApplicationBootstrap();
    await feed.beforeApplicationShutdown();
    assert.deepEqual(configs, []);
    assert.deepEqual(consumer.calls, []);
  });

  it('leaves its group on shutdown, once', async () => {
    const { feed, consumer } = newFeed();
    await feed.onApplicationBootstrap();
    await feed.beforeApplicationShutdown();
    await feed.beforeApplicationShutdown();
    assert.deepEqual(consumer.calls, ['connect', 'subscribe', 'run', 'stop', 'disconnect']);
  });
});

describe('streamGroupId', () => {
  it('differs per call, so that each process gets every record', () => {
    assert.notEqual(streamGroupId(), streamGroupId());
    assert.match(streamGroupId(), /^verification-stream-[A-Za-z0-9_-]+-\d+-[0-9a-f]{8}$/);
  });
});
