import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Reading, deadLetterTopicOf } from '@metrochain/contracts';
import { DeadLetterHeader, createKafkaClient } from '@metrochain/messaging';
import type { Consumer, Producer } from 'kafkajs';
import { eventually } from '../support/eventually';
import { finalStatus, readingIdOf } from '../support/ingest';
import { networkProfile } from '../support/network';
import { BAD_INPUT_CASES, type HttpCase, type TopicCase, isTopicCase } from './cases';
import { type Fixtures, reading, setUpFixtures } from './fixtures';
import { type Body, send } from './http';
import { Probes } from './probes';

const TOPIC = 'readings.received.v1';
const CASE_HEADER = 'x-bad-input-case';
const METER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

interface DeadLetter {
  caseId: string;
  reason: string;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The readings in a JSON body (one, or a batch) that could have been accepted: their ids must stay unknown. */
function readingsIn(body: Body | undefined): Reading[] {
  const value =
    body === undefined
      ? undefined
      : 'json' in body
        ? body.json
        : 'raw' in body
          ? parsed(body.raw)
          : undefined;
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const batch = (value as { readings?: unknown }).readings;
  const candidates: unknown[] = Array.isArray(batch) ? batch : [value];
  return candidates.filter((candidate): candidate is Reading => {
    const { meterId, seq } = (candidate ?? {}) as Partial<Reading>;
    return (
      typeof meterId === 'string' && METER_ID.test(meterId) && Number.isSafeInteger(seq) && (seq ?? -1) >= 0
    );
  });
}

/** The reading's id, or a placeholder when its fields cannot be canonicalised (such a reading has no id). */
function idOf(refused: Reading): string {
  try {
    return readingIdOf(refused);
  } catch {
    return 'none~0~0000000000000000';
  }
}

function assertErrorBody(text: string, json: unknown, code: string): void {
  assert.ok(typeof json === 'object' && json !== null, `an error body in JSON: ${text.slice(0, 300)}`);
  assert.deepEqual(
    Object.keys(json).sort(),
    ['code', 'message'],
    `the one error shape: ${text.slice(0, 300)}`,
  );
  const body = json as { code: unknown; message: unknown };
  assert.equal(body.code, code, `code: ${text.slice(0, 300)}`);
  assert.ok(typeof body.message === 'string' && body.message.length > 0, 'a message');
}

describe('bad-input corpus: every case refused with its code, nothing written, never a 5xx', () => {
  let fx: Fixtures;
  let probes: Probes;
  let producer: Producer;
  let consumer: Consumer;
  const deadLetters: DeadLetter[] = [];

  before(async () => {
    fx = await setUpFixtures();
    probes = await Probes.open();
    const kafka = createKafkaClient({ clientId: 'it-bad-input', brokers: networkProfile().kafka.brokers });
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer({ groupId: `it-bad-input-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopicOf(TOPIC), fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const caseId = message.headers?.[CASE_HEADER]?.toString();
        if (caseId !== undefined) {
          deadLetters.push({ caseId, reason: message.headers?.[DeadLetterHeader.REASON]?.toString() ?? '' });
        }
        return Promise.resolve();
      },
    });
  });

  after(async () => {
    probes.close();
    await consumer.disconnect();
    await producer.disconnect();
  });

  async function runHttp(entry: HttpCase): Promise<void> {
    const input = await entry.input(fx);
    const watches = entry.watch(fx);
    const stateBefore = await probes.snapshot(watches);
    const { service, method } = entry.target;
    const answer = await send(service, method, input.path, input.body, entry.caller);
    assert.ok(answer.status < 500, `a ${String(answer.status)}: ${answer.text.slice(0, 300)}`);
    assert.equal(answer.status, entry.expect.status, answer.text.slice(0, 300));
    if ('rejected' in entry.expect) {
      const [sent] = readingsIn(input.body);
      assert.ok(sent !== undefined, 'the case sends one reading');
      const status = await finalStatus(readingIdOf(sent));
      assert.equal(status.status, 'rejected', JSON.stringify(status));
      assert.equal(status.reason, entry.expect.rejected, JSON.stringify(status));
      assert.equal(await probes.recorded(sent), false, 'nothing recorded for the reading');
    } else {
      assertErrorBody(answer.text, answer.json, entry.expect.code);
      for (const refused of readingsIn(input.body)) {
        const path = `/readings/${encodeURIComponent(idOf(refused))}`;
        const status = await send('measurement', 'GET', path, undefined);
        assert.notEqual(status.status, 200, `no status for a refused reading: ${status.text}`);
      }
    }
    assert.deepEqual(await probes.snapshot(watches), stateBefore, 'nothing written');
  }

  async function runTopic(entry: TopicCase): Promise<void> {
    const input = entry.input(fx);
    const watches = entry.watch(fx);
    const stateBefore = await probes.snapshot(watches);
    const caseId = randomUUID();
    await producer.send({
      topic: TOPIC,
      messages: [{ key: input.key, value: input.value, headers: { [CASE_HEADER]: caseId } }],
    });
    if ('deadLetter' in entry.expect) {
      const expected = entry.expect.deadLetter;
      const mine = await eventually(
        `the record on ${deadLetterTopicOf(TOPIC)}`,
        () => {
          const found = deadLetters.filter((letter) => letter.caseId === caseId);
          return Promise.resolve(found.length > 0 ? found : undefined);
        },
        90_000,
        250,
      );
      assert.deepEqual([...new Set(mine.map((letter) => letter.reason))], [expected]);
    } else {
      const sent = (JSON.parse(input.value ?? '{}') as { reading: Reading }).reading;
      const status = await finalStatus(readingIdOf(sent));
      assert.equal(status.status, 'rejected', JSON.stringify(status));
      assert.equal(status.reason, entry.expect.rejected, JSON.stringify(status));
      assert.equal(await probes.recorded(sent), false, 'nothing recorded for the record');
    }
    assert.deepEqual(await probes.snapshot(watches), stateBefore, 'nothing written');
    // The pipeline goes on: a good reading of the meter sent after the bad record is recorded.
    const good = reading(fx.meter, fx.nextSeq());
    await producer.send({
      topic: TOPIC,
      messages: [
        { key: fx.meter.id, value: JSON.stringify({ reading: good, receivedAt: new Date().toISOString() }) },
      ],
    });
    assert.equal((await finalStatus(readingIdOf(good))).status, 'recorded');
  }

  for (const entry of BAD_INPUT_CASES) {
    it(entry.name, () => (isTopicCase(entry) ? runTopic(entry) : runHttp(entry)));
  }

  it('names every case once', () => {
    const names = BAD_INPUT_CASES.map((entry) => entry.name);
    assert.deepEqual(
      names.filter((name, index) => names.indexOf(name) !== index),
      [],
    );
  });
});
