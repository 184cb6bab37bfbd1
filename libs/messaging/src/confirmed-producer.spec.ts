import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProducerRecord } from 'kafkajs';
import { ConfirmedProducer } from './confirmed-producer';
import { FakeKafka } from './testing/fake-kafka';

const TOPIC = 'readings.received.v1';

const record = (keys: readonly string[]): ProducerRecord => ({
  topic: TOPIC,
  messages: keys.map((key) => ({ key, value: '{}' })),
});

describe('ConfirmedProducer', () => {
  it('checks each of concurrent sends against its own partitions', async () => {
    const kafka = new FakeKafka();
    const producer = new ConfirmedProducer(kafka);
    await producer.connect();
    const answers = await Promise.all(
      ['meter-a', 'meter-b', 'meter-c', 'meter-d', 'meter-e'].map((key) => producer.send(record([key]))),
    );
    assert.equal(answers.flat().length, 5);
    assert.equal(kafka.producers.length, 1, 'no send failed, so no producer was replaced');
    assert.deepEqual(
      kafka.producers[0]?.sent.map((sent) => sent.messages[0]?.key),
      ['meter-a', 'meter-b', 'meter-c', 'meter-d', 'meter-e'],
      'one after the other, in the order asked',
    );
  });

  it('goes on with the next send after a failed one, through a fresh producer', async () => {
    const kafka = new FakeKafka();
    const producer = new ConfirmedProducer(kafka);
    await producer.connect();
    const first = kafka.producers[0];
    assert.ok(first !== undefined);
    first.failWith = new Error('broker gone');
    const failing = producer.send(record(['meter-a']));
    const next = producer.send(record(['meter-b']));
    await assert.rejects(failing, /broker gone/);
    assert.equal((await next).length, 1);
    assert.equal(kafka.producers[1]?.sent.length, 1);
  });

  it('starts over again when the fresh producer could not connect (Kafka down), once Kafka is back', async () => {
    const kafka = new FakeKafka();
    const producer = new ConfirmedProducer(kafka);
    await producer.connect();
    kafka.producers[0]!.failWith = new Error('broker gone');
    const failConnect = kafka.producer.bind(kafka);
    let down = true;
    kafka.producer = (config) => {
      const fresh = failConnect(config);
      if (down) {
        fresh.connect = () => Promise.reject(new Error('connection refused'));
      }
      return fresh;
    };
    await assert.rejects(producer.send(record(['meter-a'])), /broker gone/);
    await assert.rejects(producer.send(record(['meter-a'])), /connection refused/);
    down = false;
    await assert.rejects(
      producer.send(record(['meter-a'])),
      /connection refused/,
      'the one replaced while down',
    );
    assert.equal(
      (await producer.send(record(['meter-a']))).length,
      1,
      'a producer made after Kafka came back',
    );
  });
});
