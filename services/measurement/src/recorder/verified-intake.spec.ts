import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { identify } from '../readings/reading-identity';
import { FakeDeadLetters, rawMessage, verifiedMessage } from '../testing/verified-records';
import { TRACEPARENT, readingOf } from '../testing/reading-fixtures';
import { VerifiedIntake } from './verified-intake';

describe('VerifiedIntake', () => {
  let deadLetters: FakeDeadLetters;
  let intake: VerifiedIntake;
  beforeEach(() => {
    deadLetters = new FakeDeadLetters();
    intake = new VerifiedIntake(deadLetters);
  });

  it('names each verified reading and keeps its trace context and offset', async () => {
    const reading = readingOf(4);
    const [item] = await intake.take(2, [verifiedMessage(40, reading)]);
    assert.deepEqual(item, {
      offset: '40',
      verified: {
        ...identify(reading),
        verifiedAt: '2025-03-01T12:00:01.000Z',
        trace: { traceparent: TRACEPARENT },
      },
    });
  });

  it('sends records that break the contract to the dead-letter topic with the cause, keeping their offsets', async () => {
    const items = await intake.take(2, [
      verifiedMessage(40, readingOf(4)),
      rawMessage(41, '{not json'),
      rawMessage(42, JSON.stringify({ reading: { meterId: 'meter-1' } })),
    ]);
    assert.deepEqual(
      items.map((item) => [item.offset, item.verified === undefined]),
      [
        ['40', false],
        ['41', true],
        ['42', true],
      ],
    );
    assert.deepEqual(
      deadLetters.sent.map((message) => [
        String(message.value),
        String(message.headers?.['x-dlt-reason']),
        String(message.headers?.['x-dlt-original-offset']),
        String(message.headers?.['traceparent']),
      ]),
      [
        ['{not json', 'EVENT_JSON_INVALID', '41', TRACEPARENT],
        [JSON.stringify({ reading: { meterId: 'meter-1' } }), 'EVENT_SCHEMA_INVALID', '42', TRACEPARENT],
      ],
    );
  });

  it('fails, taking nothing, when the dead-letter topic cannot be written', async () => {
    deadLetters.failWith = new Error('broker down');
    await assert.rejects(intake.take(0, [rawMessage(1, 'nope')]), /broker down/);
  });
});
