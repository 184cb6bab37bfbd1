import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import { PIPELINE_FETCH_CONFIG } from './consumer-config';
import { DeadLetterHeader, readHeaders } from './event-headers';
import type { ConsumedEvent, ProcessOutcome } from './process-message';
import { FakeKafka, kafkaMessage } from './testing/fake-kafka';

const TOPIC = 'meter.lifecycle.v1';
const sample = EVENT_SAMPLES[TOPIC];
const validMessage = kafkaMessage({ key: sample.key, value: JSON.stringify(sample.value), offset: '3' });

function setup(options: Partial<EventConsumerOptions<typeof TOPIC>> = {}): {
  consumer: EventConsumer<typeof TOPIC>;
  kafka: FakeKafka;
} {
  const kafka = new FakeKafka();
  const consumer = new EventConsumer({ kafka, topic: TOPIC, groupId: 'verification', ...options });
  return { consumer, kafka };
}

describe('EventConsumer', () => {
  it('joins the group without topic auto-creation and keeps an idempotent dead-letter producer', () => {
    const { kafka } = setup({ sessionTimeoutMs: 12_000 });
    assert.deepEqual(kafka.consumerConfigs[0], {
      groupId: 'verification',
      allowAutoTopicCreation: false,
      sessionTimeout: 12_000,
    });
    assert.equal(kafka.producerConfigs[0]?.idempotent, true);
  });

  it('asks the broker for fetches as configured, e.g. the larger pipeline fetches', () => {
    const { kafka } = setup({ fetch: PIPELINE_FETCH_CONFIG });
    assert.deepEqual(kafka.consumerConfigs[0], {
      groupId: 'verification',
      allowAutoTopicCreation: false,
      minBytes: 65_536,
      maxWaitTimeInMs: 50,
    });
  });

  it('subscribes to its one topic and commits only offsets kafkajs resolved', async () => {
    const { consumer, kafka } = setup({ fromBeginning: true });
    await consumer.connect();
    await consumer.run(() => Promise.resolve());
    const fake = kafka.consumers[0]!;
    assert.deepEqual(fake.subscription, { topics: [TOPIC], fromBeginning: true });
    assert.equal(fake.runConfig?.autoCommit, true);
    assert.equal(kafka.producers[0]!.connected, true);
  });

  it('hands valid events to the handler and writes nothing to the dead-letter topic', async () => {
    const outcomes: ProcessOutcome[] = [];
    const { consumer, kafka } = setup({ onProcessed: (outcome) => outcomes.push(outcome) });
    const seen: Readonly<ConsumedEvent<typeof TOPIC>>[] = [];
    await consumer.run((event) => {
      seen.push(event);
      return Promise.resolve();
    });
    await kafka.consumers[0]!.deliver(TOPIC, 0, validMessage);
    assert.equal(seen[0]?.value.status, 'active');
    assert.deepEqual(outcomes, [{ status: 'handled', attempts: 1 }]);
    assert.deepEqual(kafka.producers[0]!.sent, []);
  });

  it('runs batches: slices of maxBatchSize to the handler, each offset resolved after its slice', async () => {
    const { consumer, kafka } = setup({ maxBatchSize: 2, partitionsConsumedConcurrently: 3 });
    const slices: string[][] = [];
    await consumer.runBatches((events) => {
      slices.push(events.map((event) => event.offset));
      return Promise.resolve();
    });
    const fake = kafka.consumers[0]!;
    assert.equal(fake.runConfig?.eachBatchAutoResolve, false);
    assert.equal(fake.runConfig.partitionsConsumedConcurrently, 3);
    const messages = ['3', '4', '5'].map((offset) =>
      kafkaMessage({ key: sample.key, value: JSON.stringify(sample.value), offset }),
    );
    const delivered = fake.deliverBatch(TOPIC, 0, messages);
    await delivered.done;
    assert.deepEqual(slices, [['3', '4'], ['5']]);
    assert.deepEqual(delivered.resolved, ['4', '5']);
  });

  it('writes a poison record to the dead-letter topic with acks from all replicas', async () => {
    const { consumer, kafka } = setup();
    await consumer.run(() => Promise.resolve());
    await kafka.consumers[0]!.deliver(TOPIC, 2, kafkaMessage({ key: sample.key, value: '[]', offset: '11' }));
    const record = kafka.producers[0]!.sent[0]!;
    assert.equal(record.topic, 'meter.lifecycle.v1.dlt');
    assert.equal(record.acks, -1);
    const message = record.messages[0]!;
    assert.equal(String(message.value), '[]');
    const headers = readHeaders(message.headers);
    assert.equal(headers[DeadLetterHeader.REASON], 'EVENT_SCHEMA_INVALID');
    assert.equal(headers[DeadLetterHeader.ORIGINAL_PARTITION], '2');
    assert.equal(headers[DeadLetterHeader.ORIGINAL_OFFSET], '11');
  });

  it('retries retriable handler failures, heartbeating between attempts', async () => {
    const { consumer, kafka } = setup({ retryBackoff: { initialMs: 0, maxMs: 0 } });
    const attempts: number[] = [];
    await consumer.run((event) => {
      attempts.push(event.attempt);
      return event.attempt < 3
        ? Promise.reject(new DomainError({ code: 'LEDGER_UNAVAILABLE', message: 'down', retriable: true }))
        : Promise.resolve();
    });
    await kafka.consumers[0]!.deliver(TOPIC, 0, validMessage);
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.equal(kafka.consumers[0]!.heartbeats, 2);
    assert.deepEqual(kafka.producers[0]!.sent, []);
  });

  it('fails the record when the dead-letter write fails, so kafkajs does not move past it', async () => {
    const { consumer, kafka } = setup();
    await consumer.run(() => Promise.reject(new DomainError({ code: 'METER_UNKNOWN', message: 'unknown' })));
    kafka.producers[0]!.failWith = new Error('dead-letter topic unavailable');
    await assert.rejects(
      kafka.consumers[0]!.deliver(TOPIC, 0, validMessage),
      /dead-letter topic unavailable/,
    );
  });
});
