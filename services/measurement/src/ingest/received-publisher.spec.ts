import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { readingOf } from '../testing/reading-fixtures';
import { ReceivedPublisher } from './received-publisher';

const RECEIVED_AT = '2025-03-01T12:00:00.000Z';

describe('ReceivedPublisher', () => {
  it('builds events the contract accepts, with the JSON it sends as their value', async () => {
    const producer = new FakeEventProducer();
    await new ReceivedPublisher(producer).publish([readingOf(1), readingOf(2)], RECEIVED_AT, undefined);
    assert.equal(producer.sends.length, 1);
    assert.deepEqual(
      producer.events.map((event) => [event.key, event.metadata]),
      [
        ['meter-1', undefined],
        ['meter-1', undefined],
      ],
    );
  });

  it('splits a large request into sends below the limit, in order', async () => {
    const producer = new FakeEventProducer();
    const bulky = (seq: number): ReturnType<typeof readingOf> =>
      readingOf(seq, 'meter-1', { payload: { samples: new Array<number>(2_000).fill(123_456) } });
    await new ReceivedPublisher(producer, 30_000).publish([1, 2, 3, 4, 5].map(bulky), RECEIVED_AT, undefined);
    assert.ok(producer.sends.length > 1);
    assert.ok(
      producer.sends.every((send) => JSON.stringify(send.map((event) => event.value)).length < 30_000),
    );
    assert.deepEqual(
      producer.events.map((event) => (event.value as { reading: { seq: number } }).reading.seq),
      [1, 2, 3, 4, 5],
    );
  });

  it('stops at the first failed send', async () => {
    const producer = new FakeEventProducer();
    producer.failTimes = 1;
    await assert.rejects(
      new ReceivedPublisher(producer, 10).publish([readingOf(1), readingOf(2)], RECEIVED_AT, undefined),
      /broker unavailable/,
    );
    assert.deepEqual(producer.sends, []);
  });
});
