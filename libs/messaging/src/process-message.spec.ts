import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { KafkaMessage } from 'kafkajs';
import { DeadLetterHeader, readHeaders } from './event-headers';
import {
  type ConsumedEvent,
  type DeadLetterRecord,
  type EventHandler,
  type ProcessMessageInput,
  processMessage,
} from './process-message';
import { kafkaMessage } from './testing/fake-kafka';

const TOPIC = 'readings.verified.v1';
const sample = EVENT_SAMPLES[TOPIC];
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const validMessage = kafkaMessage({
  key: sample.key,
  value: JSON.stringify(sample.value),
  offset: '7',
  headers: { traceparent: Buffer.from(TRACEPARENT) },
});

interface Harness {
  input: ProcessMessageInput<typeof TOPIC>;
  deadLetters: DeadLetterRecord[];
  sleeps: number[];
  heartbeats: () => number;
}

function harness(message: KafkaMessage, handler: EventHandler<typeof TOPIC>, maxAttempts = 3): Harness {
  const deadLetters: DeadLetterRecord[] = [];
  const sleeps: number[] = [];
  let heartbeats = 0;
  const input: ProcessMessageInput<typeof TOPIC> = {
    topic: TOPIC,
    partition: 1,
    message,
    handler,
    maxAttempts,
    retryDelayMs: (attempt) => attempt * 10,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    heartbeat: () => {
      heartbeats += 1;
      return Promise.resolve();
    },
    deadLetter: (record) => {
      deadLetters.push(record);
      return Promise.resolve();
    },
  };
  return { input, deadLetters, sleeps, heartbeats: () => heartbeats };
}

function failingTimes(
  times: number,
  error: Error,
): { handler: EventHandler<typeof TOPIC>; calls: () => number } {
  let calls = 0;
  const handler: EventHandler<typeof TOPIC> = () => {
    calls += 1;
    return calls <= times ? Promise.reject(error) : Promise.resolve();
  };
  return { handler, calls: () => calls };
}

const retriable = new DomainError({ code: 'LEDGER_UNAVAILABLE', message: 'peer down', retriable: true });

describe('processMessage', () => {
  it('hands the typed event with its origin and trace context to the handler', async () => {
    const seen: Readonly<ConsumedEvent<typeof TOPIC>>[] = [];
    const { input, deadLetters } = harness(validMessage, (event) => {
      seen.push(event);
      return Promise.resolve();
    });
    assert.deepEqual(await processMessage(input), { status: 'handled', attempts: 1 });
    assert.equal(deadLetters.length, 0);
    const event = seen[0]!;
    assert.deepEqual(event.value, sample.value);
    assert.equal(event.value.reading.seq, sample.value.reading.seq);
    assert.equal(event.key, sample.key);
    assert.deepEqual([event.topic, event.partition, event.offset, event.attempt], [TOPIC, 1, '7', 1]);
    assert.deepEqual(event.trace, { traceparent: TRACEPARENT });
  });

  it('dead-letters a record that is not JSON without calling the handler, bytes untouched', async () => {
    const message = kafkaMessage({ key: sample.key, value: 'not json', offset: '9' });
    const { handler, calls } = failingTimes(0, new Error('not called'));
    const { input, deadLetters } = harness(message, handler);
    assert.deepEqual(await processMessage(input), {
      status: 'dead-lettered',
      attempts: 0,
      reason: 'EVENT_JSON_INVALID',
    });
    assert.equal(calls(), 0);
    const letter = deadLetters[0]!;
    assert.equal(letter.topic, 'readings.verified.v1.dlt');
    assert.equal(letter.value?.toString(), 'not json');
    assert.equal(letter.key?.toString(), sample.key);
    assert.deepEqual(
      [
        DeadLetterHeader.REASON,
        DeadLetterHeader.ORIGINAL_TOPIC,
        DeadLetterHeader.ORIGINAL_PARTITION,
        DeadLetterHeader.ORIGINAL_OFFSET,
      ].map((name) => readHeaders(letter.headers)[name]),
      ['EVENT_JSON_INVALID', TOPIC, '1', '9'],
    );
  });

  it('dead-letters a record that breaks the contract', async () => {
    const value = JSON.stringify({ ...sample.value, verifiedBy: '' });
    const { input, deadLetters } = harness(kafkaMessage({ key: sample.key, value }), () => Promise.resolve());
    const outcome = await processMessage(input);
    assert.equal(outcome.status, 'dead-lettered');
    assert.equal(readHeaders(deadLetters[0]!.headers)[DeadLetterHeader.REASON], 'EVENT_SCHEMA_INVALID');
  });

  it('dead-letters at once when the handler throws a non-retriable domain error', async () => {
    const { handler, calls } = failingTimes(
      1,
      new DomainError({ code: 'METER_REVOKED', message: 'revoked' }),
    );
    const { input, deadLetters, sleeps } = harness(validMessage, handler);
    assert.deepEqual(await processMessage(input), {
      status: 'dead-lettered',
      attempts: 1,
      reason: 'METER_REVOKED',
    });
    assert.equal(calls(), 1);
    assert.deepEqual(sleeps, []);
    assert.equal(readHeaders(deadLetters[0]!.headers)[DeadLetterHeader.MESSAGE], 'revoked');
  });

  it('dead-letters an uncoded error as HANDLER_FAILED without retrying', async () => {
    const { handler, calls } = failingTimes(5, new TypeError('cannot read x of undefined'));
    const { input } = harness(validMessage, handler);
    assert.deepEqual(await processMessage(input), {
      status: 'dead-lettered',
      attempts: 1,
      reason: 'HANDLER_FAILED',
    });
    assert.equal(calls(), 1);
  });

  it('retries a retriable error with back-off and heartbeats until the handler succeeds', async () => {
    const { handler, calls } = failingTimes(2, retriable);
    const { input, deadLetters, sleeps, heartbeats } = harness(validMessage, handler);
    assert.deepEqual(await processMessage(input), { status: 'handled', attempts: 3 });
    assert.equal(calls(), 3);
    assert.deepEqual(sleeps, [10, 20]);
    assert.equal(heartbeats(), 2);
    assert.equal(deadLetters.length, 0);
  });

  it('dead-letters a retriable error once the attempts are used up', async () => {
    const { handler, calls } = failingTimes(10, retriable);
    const { input, deadLetters } = harness(validMessage, handler, 4);
    assert.deepEqual(await processMessage(input), {
      status: 'dead-lettered',
      attempts: 4,
      reason: 'LEDGER_UNAVAILABLE',
    });
    assert.equal(calls(), 4);
    assert.equal(readHeaders(deadLetters[0]!.headers)[DeadLetterHeader.ATTEMPTS], '4');
  });

  it('rejects when the dead-letter write fails, so that the offset is not committed', async () => {
    const { input } = harness(kafkaMessage({ key: sample.key, value: '{' }), () => Promise.resolve());
    const failing = { ...input, deadLetter: (): Promise<void> => Promise.reject(new Error('broker down')) };
    await assert.rejects(processMessage(failing), /broker down/);
  });
});
