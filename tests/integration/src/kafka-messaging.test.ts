import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EVENT_SAMPLES, deadLetterTopicOf } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import {
  createKafkaClient,
  DeadLetterHeader,
  ensureTopics,
  EventConsumer,
  EventProducer,
} from '@metrochain/messaging';
import type { Kafka, Consumer } from 'kafkajs';
import { networkProfile } from './support/network';

const TOPIC = 'readings.received.v1';

describe('Kafka messaging on the local broker', () => {
  let kafka: Kafka;
  let producer: EventProducer;
  const consumers: EventConsumer<typeof TOPIC>[] = [];
  const rawConsumers: Consumer[] = [];

  before(async () => {
    kafka = createKafkaClient({ clientId: 'integration-tests', brokers: networkProfile().kafka.brokers });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [TOPIC], { partitions: 3, replicationFactor: 1 });
    await admin.disconnect();
    producer = new EventProducer({ kafka });
    await producer.connect();
  });
  after(async () => {
    await Promise.all([...consumers.map((c) => c.disconnect()), ...rawConsumers.map((c) => c.disconnect())]);
    await producer.disconnect();
  });

  it('delivers a produced reading to a consumer group', async () => {
    const meterId = `meter-${randomUUID()}`;
    const sample = EVENT_SAMPLES[TOPIC];
    const received = new Promise<{ key: string; seq: number; traceparent: string | undefined }>((resolve) => {
      const consumer = new EventConsumer({
        kafka,
        topic: TOPIC,
        groupId: `it-${randomUUID()}`,
        fromBeginning: true,
      });
      consumers.push(consumer);
      void consumer.connect().then(() =>
        consumer.run((event) => {
          if (event.key === meterId) {
            resolve({ key: event.key, seq: event.value.reading.seq, traceparent: event.trace?.traceparent });
          }
          return Promise.resolve();
        }),
      );
    });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await producer.publish(
      TOPIC,
      meterId,
      { ...sample.value, reading: { ...sample.value.reading, meterId, seq: 7 } },
      { trace: { traceparent } },
    );
    const event = await received;
    assert.deepEqual(event, { key: meterId, seq: 7, traceparent });
  });

  it('moves a poison message to the dead-letter topic and keeps consuming', async () => {
    const meterId = `meter-${randomUUID()}`;
    const dlt = deadLetterTopicOf(TOPIC);
    const deadLettered = new Promise<Record<string, string>>((resolve) => {
      const raw = kafka.consumer({ groupId: `it-dlt-${randomUUID()}` });
      rawConsumers.push(raw);
      void raw
        .connect()
        .then(() => raw.subscribe({ topic: dlt, fromBeginning: true }))
        .then(() =>
          raw.run({
            eachMessage: ({ message }) => {
              if (message.key?.toString() === meterId) {
                const headers = Object.fromEntries(
                  Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
                );
                resolve(headers);
              }
              return Promise.resolve();
            },
          }),
        );
    });
    const handled: number[] = [];
    const consumer = new EventConsumer({
      kafka,
      topic: TOPIC,
      groupId: `it-poison-${randomUUID()}`,
      fromBeginning: true,
    });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.run((event) => {
      if (event.key !== meterId) {
        return Promise.resolve();
      }
      if (event.value.reading.seq === 1) {
        return Promise.reject(new DomainError({ code: 'POISON', message: 'cannot process this reading' }));
      }
      handled.push(event.value.reading.seq);
      return Promise.resolve();
    });
    const base = EVENT_SAMPLES[TOPIC].value;
    await producer.publish(TOPIC, meterId, { ...base, reading: { ...base.reading, meterId, seq: 1 } });
    await producer.publish(TOPIC, meterId, { ...base, reading: { ...base.reading, meterId, seq: 2 } });
    const headers = await deadLettered;
    assert.equal(headers[DeadLetterHeader.REASON], 'POISON');
    assert.equal(headers[DeadLetterHeader.ORIGINAL_TOPIC], TOPIC);
    await waitFor(() => handled.includes(2), 30_000);
    assert.deepEqual(handled, [2]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
