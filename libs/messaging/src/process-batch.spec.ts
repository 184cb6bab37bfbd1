import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SAMPLES } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { KafkaMessage } from 'kafkajs';
import { type BatchHandler, type ProcessBatchInput, processBatch } from './process-batch';
import type { DeadLetterRecord } from './process-message';
import { kafkaMessage } from './testing/fake-kafka';

const TOPIC = 'readings.verified.v1';
const sample = EVENT_SAMPLES[TOPIC];

function valid(offset: string, seq: number): KafkaMessage {
  const value = { ...sample.value, reading: { ...sample.value.reading, seq } };
  return kafkaMessage({ key: sample.key, value: JSON.stringify(value), offset });
}

function harness(
  messages: KafkaMessage[],
  handler: BatchHandler<typeof TOPIC>,
): { input: ProcessBatchInput<typeof TOPIC>; deadLetters: DeadLetterRecord[]; sleeps: number[] } {
  const deadLetters: DeadLetterRecord[] = [];
  const sleeps: number[] = [];
  const input: ProcessBatchInput<typeof TOPIC> = {
    topic: TOPIC,
    partition: 2,
    messages,
    handler,
    maxAttempts: 3,
    retryDelayMs: (attempt) => attempt * 10,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    heartbeat: () => Promise.resolve(),
    deadLetter: (record) => {
      deadLetters.push(record);
      return Promise.resolve();
    },
  };
  return { input, deadLetters, sleeps };
}

const retriable = new DomainError({ code: 'LEDGER_UNAVAILABLE', message: 'down', retriable: true });

describe('processBatch', () => {
  it('hands valid consecutive records over in one call, in offset order', async () => {
    const calls: number[][] = [];
    const { input, deadLetters } = harness([valid('1', 1), valid('2', 2), valid('3', 3)], (events) => {
      calls.push(events.map((event) => event.value.reading.seq));
      return Promise.resolve();
    });
    const outcomes = await processBatch(input);
    assert.deepEqual(calls, [[1, 2, 3]]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['handled', 'handled', 'handled'],
    );
    assert.equal(deadLetters.length, 0);
  });

  it('retries the whole batch while the failure is retriable', async () => {
    let calls = 0;
    const { input, sleeps } = harness([valid('1', 1), valid('2', 2)], (events) => {
      calls += 1;
      assert.ok(events.every((event) => event.attempt === calls));
      return calls < 3 ? Promise.reject(retriable) : Promise.resolve();
    });
    await processBatch(input);
    assert.equal(calls, 3);
    assert.deepEqual(sleeps, [10, 20]);
  });

  it('dead-letters a record that breaks the contract on its own and handles the others', async () => {
    const handled: number[] = [];
    const broken = kafkaMessage({ key: sample.key, value: '{"reading":42}', offset: '2' });
    const { input, deadLetters } = harness([valid('1', 1), broken, valid('3', 3)], (events) => {
      handled.push(...events.map((event) => event.value.reading.seq));
      return Promise.resolve();
    });
    const outcomes = await processBatch(input);
    assert.deepEqual(handled, [1, 3]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['handled', 'dead-lettered', 'handled'],
    );
    assert.equal(deadLetters.length, 1);
    assert.equal(deadLetters[0]?.value?.toString(), '{"reading":42}');
  });

  it('isolates a record the handler cannot handle: only that one is dead-lettered', async () => {
    const handled: number[] = [];
    const { input, deadLetters } = harness([valid('1', 1), valid('2', 2), valid('3', 3)], (events) => {
      if (events.some((event) => event.value.reading.seq === 2)) {
        return Promise.reject(new Error('poison'));
      }
      handled.push(...events.map((event) => event.value.reading.seq));
      return Promise.resolve();
    });
    const outcomes = await processBatch(input);
    assert.deepEqual(handled, [1, 3]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['handled', 'dead-lettered', 'handled'],
    );
    assert.equal(deadLetters.length, 1);
  });
});
