import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { EventProducer } from './event-producer';
import { FakeKafka } from './testing/fake-kafka';
import type { FakeProducer } from './testing/fake-producer';

const TOPIC = 'measurements.recorded.v1';
const sample = EVENT_SAMPLES[TOPIC];
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function setup(): { producer: EventProducer; fake: FakeProducer; kafka: FakeKafka } {
  const kafka = new FakeKafka();
  const producer = new EventProducer({ kafka });
  return { producer, fake: kafka.producers[0]!, kafka };
}

function isSchemaError(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'EVENT_SCHEMA_INVALID';
}

describe('EventProducer', () => {
  it('creates an idempotent producer with one request in flight and no topic auto-creation', () => {
    const { kafka } = setup();
    assert.deepEqual(
      { ...kafka.producerConfigs[0], createPartitioner: undefined },
      {
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: undefined,
      },
    );
    assert.equal(typeof kafka.producerConfigs[0]?.createPartitioner, 'function');
  });

  it('connects and disconnects its producer', async () => {
    const { producer, fake } = setup();
    await producer.connect();
    assert.equal(fake.connected, true);
    await producer.disconnect();
    assert.equal(fake.connected, false);
  });

  it('publishes a valid event as JSON with acks from all replicas and the trace context', async () => {
    const { producer, fake } = setup();
    await producer.publish(TOPIC, sample.key, sample.value, { trace: { traceparent: TRACEPARENT } });
    const record = fake.sent[0]!;
    assert.equal(record.topic, TOPIC);
    assert.equal(record.acks, -1);
    const message = record.messages[0]!;
    assert.equal(message.key, sample.key);
    assert.deepEqual(JSON.parse(String(message.value)), sample.value);
    assert.deepEqual(message.headers, { traceparent: TRACEPARENT });
  });

  it('sends nothing when the event breaks its contract', async () => {
    const { producer, fake } = setup();
    await assert.rejects(
      producer.publish(TOPIC, sample.key, { ...sample.value, blockNumber: -1 }),
      isSchemaError,
    );
    assert.deepEqual(fake.sent, []);
  });

  it('sends a batch in one request, or nothing when any entry is bad', async () => {
    const { producer, fake } = setup();
    const second = { key: sample.key, value: { ...sample.value, seq: sample.value.seq + 1 } };
    await assert.rejects(
      producer.publishBatch(TOPIC, [
        sample,
        second,
        { key: sample.key, value: { ...sample.value, txId: 'x' } },
      ]),
      isSchemaError,
    );
    assert.equal(fake.sent.length, 0);
    await producer.publishBatch(TOPIC, [sample, second]);
    assert.equal(fake.sent.length, 1);
    assert.deepEqual(
      fake.sent[0]!.messages.map((message) => (JSON.parse(String(message.value)) as { seq: number }).seq),
      [sample.value.seq, sample.value.seq + 1],
    );
  });

  it('sends no request for an empty batch', async () => {
    const { producer, fake } = setup();
    assert.deepEqual(await producer.publishBatch(TOPIC, []), []);
    assert.deepEqual(await producer.publishTrustedBatch(TOPIC, []), []);
    assert.equal(fake.sent.length, 0);
  });

  it('sends a trusted batch in one request with acks from all replicas, values as given', async () => {
    const { producer, fake } = setup();
    const json = JSON.stringify(sample.value);
    await producer.publishTrustedBatch(TOPIC, [
      { key: sample.key, value: sample.value, json },
      { key: sample.key, value: { ...sample.value, seq: sample.value.seq + 1 } },
    ]);
    assert.equal(fake.sent.length, 1);
    const request = fake.sent[0]!;
    assert.equal(request.acks, -1);
    assert.equal(request.messages[0]?.value, json);
    assert.deepEqual(
      request.messages.map((message) => (JSON.parse(String(message.value)) as { seq: number }).seq),
      [sample.value.seq, sample.value.seq + 1],
    );
  });

  it('sends no trusted batch with a bad key', async () => {
    const { producer, fake } = setup();
    await assert.rejects(
      producer.publishTrustedBatch(TOPIC, [{ key: 'not a key', value: sample.value }]),
      isSchemaError,
    );
    assert.equal(fake.sent.length, 0);
  });

  it('starts over with a fresh producer after an answer that leaves the idempotent producer out of step', async () => {
    const { producer, fake, kafka } = setup();
    await producer.connect();
    const outOfOrder = Object.assign(new Error('retries exceeded'), {
      originalError: Object.assign(new Error('The broker received an out of order sequence number'), {
        type: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
      }),
    });
    fake.failWith = outOfOrder;
    await assert.rejects(producer.publish(TOPIC, sample.key, sample.value), /retries exceeded/);
    assert.equal(kafka.producers.length, 2, 'a second producer replaced the first');
    await producer.publish(TOPIC, sample.key, sample.value);
    assert.equal(kafka.producers[1]?.sent.length, 1, 'the next send goes through the fresh producer');
    assert.ok(kafka.producers.at(1)?.connected, 'the fresh producer is connected');
  });

  it('starts over after any failed send, so that no sequence number is used for two batches', async () => {
    const { producer, fake, kafka } = setup();
    fake.failWith = Object.assign(new Error('request timed out'), { type: 'REQUEST_TIMED_OUT' });
    await assert.rejects(producer.publish(TOPIC, sample.key, sample.value));
    assert.equal(kafka.producers.length, 2);
  });

  it('fails a send that resolved without an answer for a partition it chose, and starts over', async () => {
    const { producer, fake, kafka } = setup();
    const keys = ['meter-a', 'meter-b', 'meter-c', 'meter-d', 'meter-e', 'meter-f', 'meter-g', 'meter-h'];
    const entries = keys.map((key) => ({ key, value: sample.value }));
    // Find the partitions these keys go to, then let the broker leave one of them out of its answer.
    const answers = await producer.publishBatch(TOPIC, entries);
    const partitions = new Set(answers.map((answer) => answer.partition));
    assert.ok(partitions.size > 1, 'the keys spread over partitions');
    const dropped = [...partitions][1] ?? 0;
    fake.unanswered.add(dropped);
    await assert.rejects(producer.publishBatch(TOPIC, entries), (error: unknown) => {
      assert.ok(error instanceof DomainError && error.code === 'KAFKA_SEND_INCOMPLETE' && error.retriable);
      assert.deepEqual(error.details['unacknowledged'], [`${TOPIC}[${String(dropped)}]`]);
      return true;
    });
    assert.equal(kafka.producers.length, 2, 'a fresh producer for the next send');
    assert.equal((await producer.publishBatch(TOPIC, entries)).length, keys.length);
  });
});
