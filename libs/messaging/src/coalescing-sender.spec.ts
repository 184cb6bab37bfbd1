import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProducerRecord, RecordMetadata } from 'kafkajs';
import { CoalescingSender } from './coalescing-sender';

/** A producer whose requests stay in flight until the test settles them. */
class HeldProducer {
  readonly requests: { record: ProducerRecord; settle: (error?: Error) => void }[] = [];

  send = (record: ProducerRecord): Promise<RecordMetadata[]> =>
    new Promise((resolve, reject) => {
      this.requests.push({
        record,
        settle: (error) => {
          if (error === undefined) {
            resolve([{ topicName: record.topic, partition: 0, errorCode: 0 }]);
          } else {
            reject(error);
          }
        },
      });
    });

  values(index: number): string[] {
    return (this.requests[index]?.record.messages ?? []).map((message) => String(message.value));
  }
}

const messages = (...values: string[]): { key: string; value: string }[] =>
  values.map((value) => ({ key: 'k', value }));

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingSender', () => {
  it('sends at once when nothing is in flight, with acks from all replicas', async () => {
    const producer = new HeldProducer();
    const sender = new CoalescingSender(producer.send);
    const sent = sender.send('t', messages('a'));
    await tick();
    assert.deepEqual([producer.requests.length, producer.requests[0]?.record.acks], [1, -1]);
    producer.requests[0]?.settle();
    assert.equal((await sent).length, 1);
  });

  it('joins the sends that waited for the request in flight into the next one, in order', async () => {
    const producer = new HeldProducer();
    const sender = new CoalescingSender(producer.send);
    const first = sender.send('t', messages('a'));
    const waiting = [sender.send('t', messages('b', 'c')), sender.send('t', messages('d'))];
    await tick();
    assert.equal(producer.requests.length, 1);
    producer.requests[0]?.settle();
    await first;
    await tick();
    assert.deepEqual([producer.requests.length, producer.values(1)], [2, ['b', 'c', 'd']]);
    producer.requests[1]?.settle();
    await Promise.all(waiting);
  });

  it('keeps topics apart and rejects every send of a failed request, and only those', async () => {
    const producer = new HeldProducer();
    const sender = new CoalescingSender(producer.send);
    const first = sender.send('t', messages('a'));
    const other = sender.send('u', messages('x'));
    const later = sender.send('t', messages('b'));
    producer.requests[0]?.settle(new Error('broker down'));
    await assert.rejects(first, /broker down/);
    await tick();
    assert.deepEqual([producer.requests[1]?.record.topic, producer.values(1)], ['u', ['x']]);
    producer.requests[1]?.settle(new Error('still down'));
    await assert.rejects(other, /still down/);
    await tick();
    assert.deepEqual([producer.requests[2]?.record.topic, producer.values(2)], ['t', ['b']]);
    producer.requests[2]?.settle();
    await later;
  });

  it('joins waiting sends only up to the size bound; a larger send still goes alone', async () => {
    const producer = new HeldProducer();
    const sender = new CoalescingSender(producer.send, 10);
    const all = [
      sender.send('t', messages('in flight')),
      sender.send('t', messages('1234')),
      sender.send('t', messages('5678')),
      sender.send('t', messages('9')),
      sender.send('t', messages('much larger than ten bytes')),
    ];
    for (let index = 0; index < 4; index += 1) {
      await tick();
      producer.requests[index]?.settle();
    }
    await Promise.all(all);
    assert.deepEqual(
      producer.requests.map((_, index) => producer.values(index)),
      [['in flight'], ['1234', '5678'], ['9'], ['much larger than ten bytes']],
    );
  });
});
