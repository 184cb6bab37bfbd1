import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { MAX_INGEST_BATCH, ingestResponseSchema } from '@metrochain/contracts';
import { DomainError, isDomainError } from '@metrochain/errors';
import { identify } from '../readings/reading-identity';
import { MeasurementStats } from '../stats/measurement-stats';
import { Deferred, settle } from '@metrochain/service-kit/testing';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { FakeStatusStore } from '../testing/fake-status-store';
import { TRACEPARENT, readingOf } from '../testing/reading-fixtures';
import { IngestApi, requestTrace } from './ingest-api';
import { ReceivedPublisher } from './received-publisher';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => isDomainError(error) && error.code === code;
}

describe('IngestApi', () => {
  let producer: FakeEventProducer;
  let statuses: FakeStatusStore;
  let stats: MeasurementStats;
  let statusFailures: unknown[];
  let api: IngestApi;
  beforeEach(() => {
    producer = new FakeEventProducer();
    statuses = new FakeStatusStore();
    stats = new MeasurementStats();
    statusFailures = [];
    api = new IngestApi({
      publisher: new ReceivedPublisher(producer),
      statuses,
      stats,
      onStatusFailure: (error) => statusFailures.push(error),
      now: () => NOW,
    });
  });

  it('publishes a reading keyed by meter with the trace, marks it received and answers its id', async () => {
    const reading = readingOf(7);
    const trace = { traceparent: TRACEPARENT };
    const response = await api.ingest(reading, trace);
    const { readingId } = identify(reading);
    assert.deepEqual(response, {
      accepted: [{ readingId, meterId: 'meter-1', seq: 7 }],
      receivedAt: '2025-03-01T12:00:00.000Z',
    });
    assert.ok(ingestResponseSchema.safeParse(response).success);
    assert.deepEqual(producer.on('readings.received.v1'), [
      {
        topic: 'readings.received.v1',
        key: 'meter-1',
        value: { reading, receivedAt: '2025-03-01T12:00:00.000Z' },
        metadata: { trace },
      },
    ]);
    assert.equal(statuses.statusOf(readingId), 'received');
    assert.equal(stats.snapshot().totals.accepted, 1);
  });

  it('answers only after Kafka acknowledged the readings', async () => {
    const held = new Deferred<void>();
    producer.hold = held.promise;
    let answered = false;
    const answer = api.ingestBatch({ readings: [readingOf(1), readingOf(2)] }).then(() => {
      answered = true;
    });
    await settle();
    assert.equal(answered, false);
    assert.equal(statuses.changes.length, 0);
    held.resolve();
    await answer;
    assert.equal(answered, true);
    assert.equal(producer.events.length, 2);
  });

  it('answers INGEST_UNAVAILABLE (retriable) when Kafka fails, and writes no status', async () => {
    producer.failWith = new Error('no in-sync replicas');
    await assert.rejects(
      api.ingestBatch({ readings: [readingOf(1), readingOf(2)] }),
      (error: unknown) => hasCode('INGEST_UNAVAILABLE')(error) && isDomainError(error) && error.retriable,
    );
    assert.deepEqual(statuses.changes, []);
    assert.equal(stats.snapshot().totals.accepted, 0);
  });

  it('refuses the whole request with INGEST_OVERLOADED before publishing while the pipeline is full', async () => {
    const admitted: number[] = [];
    const full = new IngestApi({
      publisher: new ReceivedPublisher(producer),
      statuses,
      stats,
      admission: {
        admit: (count) => {
          if (admitted.length > 0) {
            throw new DomainError({ code: 'INGEST_OVERLOADED', message: 'full', retriable: true });
          }
          admitted.push(count);
        },
        release: (count) => admitted.push(-count),
      },
    });
    producer.failWith = new Error('no in-sync replicas');
    await assert.rejects(
      full.ingestBatch({ readings: [readingOf(1), readingOf(2)] }),
      hasCode('INGEST_UNAVAILABLE'),
    );
    assert.deepEqual(admitted, [2, -2], 'a request that failed to hand on gives its share back');
    producer.failWith = undefined;
    await assert.rejects(full.ingestBatch({ readings: [readingOf(3)] }), hasCode('INGEST_OVERLOADED'));
    assert.deepEqual([producer.events.length, statuses.changes.length], [0, 0]);
  });

  it('counts a meter only for requests admission let through, and gives admission back on its 429', async () => {
    const admitted: number[] = [];
    const counted: string[] = [];
    let overloaded = true;
    const api = new IngestApi({
      publisher: new ReceivedPublisher(producer),
      statuses,
      stats,
      admission: {
        admit: (count) => {
          if (overloaded) {
            throw new DomainError({ code: 'INGEST_OVERLOADED', message: 'full', retriable: true });
          }
          admitted.push(count);
        },
        release: (count) => admitted.push(-count),
      },
      meterLimit: {
        admit: (readings) => {
          counted.push(...readings.map((reading) => reading.meterId));
          return counted.length > 2
            ? Promise.reject(new DomainError({ code: 'RATE_LIMITED', message: 'meter over its limit' }))
            : Promise.resolve();
        },
      },
    });
    await assert.rejects(
      api.ingestBatch({ readings: [readingOf(1), readingOf(2)] }),
      hasCode('INGEST_OVERLOADED'),
    );
    assert.deepEqual(counted, [], 'a 503 uses up nothing of the meter window');
    overloaded = false;
    await api.ingestBatch({ readings: [readingOf(1), readingOf(2)] });
    await assert.rejects(api.ingestBatch({ readings: [readingOf(3)] }), hasCode('RATE_LIMITED'));
    assert.deepEqual(admitted, [2, 1, -1], 'the 429 gave its admission share back');
  });

  it('still accepts when the status cannot be written, and reports it', async () => {
    statuses.failWith = new Error('redis down');
    const response = await api.ingest(readingOf(1));
    assert.equal(response.accepted.length, 1);
    assert.equal(producer.events.length, 1);
    assert.deepEqual(statusFailures.map(String), ['Error: redis down']);
  });

  it('gives a resent reading the same id and leaves a later status alone', async () => {
    const reading = readingOf(3);
    const first = await api.ingest(reading);
    const readingId = first.accepted[0]?.readingId ?? '';
    await statuses.apply([{ readingId, update: { status: 'verified', updatedAt: 'later' } }]);
    const again = await api.ingest(structuredClone(reading));
    assert.equal(again.accepted[0]?.readingId, readingId);
    assert.equal(statuses.statusOf(readingId), 'verified');
    assert.equal(producer.events.length, 2);
  });

  it('accepts a batch in order with one id per reading', async () => {
    const readings = [readingOf(1, 'meter-a'), readingOf(1, 'meter-b'), readingOf(2, 'meter-a')];
    const response = await api.ingestBatch({ readings });
    assert.deepEqual(
      response.accepted.map(({ meterId, seq }) => `${meterId}/${String(seq)}`),
      ['meter-a/1', 'meter-b/1', 'meter-a/2'],
    );
    assert.deepEqual(
      producer.events.map((event) => event.key),
      ['meter-a', 'meter-b', 'meter-a'],
    );
  });

  const badReadings: [string, unknown][] = [
    ['no body', undefined],
    ['an array', [readingOf(1)]],
    ['an unknown field', { ...readingOf(1), extra: true }],
    ['a negative seq', readingOf(-1)],
    ['an unknown kind', readingOf(1, 'meter-1', { kind: 'water' as 'speed' })],
    ['a meter id with a ~', readingOf(1, 'meter~1')],
    ['a signature that is not base64', readingOf(1, 'meter-1', { signature: 'not base64!' })],
    ['a time without offset', readingOf(1, 'meter-1', { measuredAt: '2025-03-01T11:59:00' })],
  ];
  for (const [what, body] of badReadings) {
    it(`refuses ${what} with REQUEST_INVALID and publishes nothing`, async () => {
      await assert.rejects(api.ingest(body), hasCode('REQUEST_INVALID'));
      assert.deepEqual(producer.events, []);
      assert.deepEqual(statuses.changes, []);
    });
  }

  it('names the offending fields of a bad batch and accepts none of it', async () => {
    const readings = [readingOf(1), { ...readingOf(2), seq: 'two' }, readingOf(3)];
    await assert.rejects(
      api.ingestBatch({ readings }),
      (error: unknown) => hasCode('REQUEST_INVALID')(error) && String(error).includes('readings.1.seq'),
    );
    assert.deepEqual(producer.events, []);
  });

  it('refuses an empty batch and a batch without its readings field', async () => {
    await assert.rejects(api.ingestBatch({ readings: [] }), hasCode('REQUEST_INVALID'));
    await assert.rejects(api.ingestBatch(readingOf(1)), hasCode('REQUEST_INVALID'));
  });

  it(`refuses more than ${MAX_INGEST_BATCH} readings with BATCH_TOO_LARGE, before looking at them`, async () => {
    const readings = Array.from({ length: MAX_INGEST_BATCH + 1 }, () => ({ not: 'a reading' }));
    await assert.rejects(api.ingestBatch({ readings }), hasCode('BATCH_TOO_LARGE'));
    assert.deepEqual(producer.events, []);
  });

  it('shows the first 20 issues of a batch full of them and counts the rest', async () => {
    const readings = Array.from({ length: 30 }, (_, index) => ({ ...readingOf(index), seq: -1 }));
    await assert.rejects(api.ingestBatch({ readings }), (error: unknown) =>
      String(error).includes('(and 10 more)'),
    );
  });
});

describe('requestTrace', () => {
  it('takes a well-formed traceparent and its tracestate, and ignores a malformed one', () => {
    assert.deepEqual(requestTrace({ traceparent: TRACEPARENT, tracestate: 'a=1' }), {
      traceparent: TRACEPARENT,
      tracestate: 'a=1',
    });
    assert.equal(requestTrace({ traceparent: 'garbage' }), undefined);
    assert.equal(requestTrace({}), undefined);
  });
});
