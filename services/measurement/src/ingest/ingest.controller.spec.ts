import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  MAX_INGEST_BATCH,
  MAX_INGEST_BATCH_BODY_BYTES,
  MAX_INGEST_BODY_BYTES,
  READING_KINDS,
  READING_STATUSES,
  type Reading,
  ingestResponseSchema,
  measurementStatsResponseSchema,
  readingStatusResponseSchema,
} from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { RouteBodyLimits, createHttpApp, errorFilterProviders } from '@metrochain/service-kit';
import { measurementHttpStatus } from '../http/measurement-error';
import { MeasurementStats } from '../stats/measurement-stats';
import { StatsController } from '../stats/stats.controller';
import { StatusApi } from '../status/status-api';
import { StatusController } from '../status/status.controller';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { type OpenApiSchema, patternOf, propertyOf, schemaNamed } from '@metrochain/service-kit/testing';
import { FakeStatusStore } from '../testing/fake-status-store';
import { TRACEPARENT, readingOf } from '../testing/reading-fixtures';
import { IngestAdmission } from '../admission/ingest-admission';
import { IngestApi } from './ingest-api';
import { IngestController } from './ingest.controller';
import { ReceivedPublisher } from './received-publisher';

const producer = new FakeEventProducer();
const statuses = new FakeStatusStore();
const stats = new MeasurementStats();
const lag = { inFlight: 0, drained: 0 };
const admission = new IngestAdmission({
  source: { read: () => Promise.resolve({ ...lag }) },
  maxInFlight: 1_000_000,
  minInFlight: 1_000_000,
});

@Module({
  controllers: [IngestController, StatusController, StatsController],
  providers: [
    ...errorFilterProviders(measurementHttpStatus, createLogger('spec', { level: 'silent' })),
    RouteBodyLimits,
    {
      provide: IngestApi,
      useValue: new IngestApi({ publisher: new ReceivedPublisher(producer), statuses, stats, admission }),
    },
    { provide: StatusApi, useValue: new StatusApi(statuses) },
    { provide: MeasurementStats, useValue: stats },
  ],
})
class MeasurementHttpModule {}

/** A reading whose JSON is about `bytes` long. */
function readingOfSize(seq: number, bytes: number): Reading {
  return readingOf(seq, 'meter-1', { payload: { samples: 'x'.repeat(bytes) } });
}

async function documentedSchemas(app: NestFastifyApplication): Promise<Record<string, OpenApiSchema>> {
  const response = await app.inject({ method: 'GET', url: '/docs-json' });
  return response.json<{ components: { schemas: Record<string, OpenApiSchema> } }>().components.schemas;
}

describe('measurement HTTP API', () => {
  let app: NestFastifyApplication;
  before(async () => {
    app = await createHttpApp({
      serviceName: 'measurement',
      module: MeasurementHttpModule,
      logger: createLogger('spec', { level: 'silent' }),
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(() => app.close());
  beforeEach(() => {
    producer.sends.length = 0;
    producer.failWith = undefined;
  });

  it('answers POST /readings with 202 and the id, carrying the traceparent to Kafka', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/readings',
      payload: readingOf(1),
      headers: { traceparent: TRACEPARENT },
    });
    assert.equal(response.statusCode, 202);
    const body = ingestResponseSchema.parse(response.json());
    assert.equal(body.accepted[0]?.meterId, 'meter-1');
    assert.deepEqual(producer.events[0]?.metadata, { trace: { traceparent: TRACEPARENT } });
  });

  it('answers a body over 256 KiB with 413 PAYLOAD_TOO_LARGE and publishes nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/readings',
      payload: readingOfSize(1, MAX_INGEST_BODY_BYTES),
    });
    assert.equal(response.statusCode, 413);
    assert.deepEqual(response.json(), { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' });
    assert.deepEqual(producer.events, []);
  });

  it('takes a batch above Fastify’s default 1 MiB but within 4 MiB', async () => {
    const readings = [1, 2, 3, 4, 5].map((seq) => readingOfSize(seq, 250_000));
    const response = await app.inject({ method: 'POST', url: '/readings/batch', payload: { readings } });
    assert.equal(response.statusCode, 202);
    assert.equal(producer.events.length, 5);
    assert.ok(producer.sends.length > 1, 'sent in several requests below Kafka’s message size limit');
  });

  it('answers a batch body over 4 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const readings = Array.from({ length: 17 }, (_, index) => readingOfSize(index, 250_000));
    assert.ok(JSON.stringify({ readings }).length > MAX_INGEST_BATCH_BODY_BYTES);
    const response = await app.inject({ method: 'POST', url: '/readings/batch', payload: { readings } });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json<{ code: string }>().code, 'PAYLOAD_TOO_LARGE');
    assert.deepEqual(producer.events, []);
  });

  it('answers a body that is not JSON, or not sent as JSON, with 400 REQUEST_INVALID', async () => {
    const broken = await app.inject({
      method: 'POST',
      url: '/readings',
      payload: '{"meterId":',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json<{ code: string }>().code, 'REQUEST_INVALID');
    const text = await app.inject({
      method: 'POST',
      url: '/readings',
      payload: 'meter-1 7',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(text.statusCode, 400);
    assert.equal(text.json<{ code: string }>().code, 'REQUEST_INVALID');
    assert.deepEqual(producer.events, []);
  });

  it('answers a bad reading with 400 REQUEST_INVALID naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/readings/batch',
      payload: { readings: [readingOf(1), { ...readingOf(2), extra: 1 }] },
    });
    assert.equal(response.statusCode, 400);
    const body = response.json<{ code: string; message: string }>();
    assert.equal(body.code, 'REQUEST_INVALID');
    assert.match(body.message, /readings\.1/);
    assert.deepEqual(producer.events, []);
  });

  it('answers a payload nested 100,000 deep or holding 1e309 with 400 REQUEST_INVALID, not 500', async () => {
    const text = JSON.stringify(readingOf(3));
    for (const spoiled of [
      text.replace('"payload":{', `"payload":{"deep":${'['.repeat(100_000)}1${']'.repeat(100_000)},`),
      text.replace('"payload":{', '"payload":{"huge":1e309,'),
    ]) {
      assert.notEqual(spoiled, text);
      const response = await app.inject({
        method: 'POST',
        url: '/readings',
        payload: spoiled,
        headers: { 'content-type': 'application/json' },
      });
      assert.deepEqual(
        [response.statusCode, response.json<{ code: string }>().code],
        [400, 'REQUEST_INVALID'],
      );
    }
    assert.deepEqual(producer.events, []);
  });

  it('answers more than 500 readings with 400 BATCH_TOO_LARGE', async () => {
    const readings = Array.from({ length: 501 }, (_, index) => readingOf(index));
    const response = await app.inject({ method: 'POST', url: '/readings/batch', payload: { readings } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ code: string }>().code, 'BATCH_TOO_LARGE');
  });

  it('answers 503 INGEST_UNAVAILABLE when Kafka fails', async () => {
    producer.failWith = new Error('broker down');
    const response = await app.inject({ method: 'POST', url: '/readings', payload: readingOf(99) });
    assert.equal(response.statusCode, 503);
    assert.equal(response.json<{ code: string }>().code, 'INGEST_UNAVAILABLE');
  });

  it('answers 503 INGEST_OVERLOADED with Retry-After while the pipeline is full, and accepts nothing', async () => {
    lag.inFlight = 2_000_000;
    await admission.poll();
    const response = await app.inject({ method: 'POST', url: '/readings', payload: readingOf(98) });
    lag.inFlight = 0;
    await admission.poll();
    assert.equal(response.statusCode, 503);
    assert.equal(response.json<{ code: string }>().code, 'INGEST_OVERLOADED');
    // Nothing drained yet: (2,000,000 + 1 − 1,000,000) readings at the nominal 1,000,000 / 1.75 s → 2 s.
    assert.equal(response.headers['retry-after'], '2');
    assert.equal(producer.sends.length, 0);
  });

  it('answers GET /readings/:id with the status of an accepted reading', async () => {
    const accepted = await app.inject({ method: 'POST', url: '/readings', payload: readingOf(5) });
    const readingId = ingestResponseSchema.parse(accepted.json()).accepted[0]?.readingId ?? '';
    const response = await app.inject({ method: 'GET', url: `/readings/${encodeURIComponent(readingId)}` });
    assert.equal(response.statusCode, 200);
    const status = readingStatusResponseSchema.parse(response.json());
    assert.deepEqual([status.readingId, status.status, status.seq], [readingId, 'received', 5]);
  });

  it('answers an unknown or malformed reading id with 404 READING_UNKNOWN', async () => {
    for (const id of ['meter-1~5~ffffffffffffffff', 'nonsense']) {
      const response = await app.inject({ method: 'GET', url: `/readings/${id}` });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json<{ code: string }>().code, 'READING_UNKNOWN');
    }
  });

  it('answers GET /stats in the contract shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/stats' });
    assert.equal(response.statusCode, 200);
    assert.ok(measurementStatsResponseSchema.parse(response.json()).totals.accepted > 0);
  });

  it('documents every route at /docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths).sort();
    assert.deepEqual(paths, ['/readings', '/readings/batch', '/readings/{readingId}', '/stats']);
  });

  it('documents the requests from the contract’s zod schemas, constraints included', async () => {
    const schemas = await documentedSchemas(app);
    const reading = schemaNamed(schemas, 'ReadingDto');
    assert.deepEqual(reading.required, ['meterId', 'seq', 'measuredAt', 'kind', 'payload', 'signature']);
    assert.deepEqual(propertyOf(reading, 'kind').enum, [...READING_KINDS]);
    const meterId = patternOf(propertyOf(reading, 'meterId'));
    assert.deepEqual(
      ['meter-1', 'meter 1', 'm~1'].map((id) => meterId.test(id)),
      [true, false, false],
    );
    const readings = propertyOf(schemaNamed(schemas, 'IngestBatchRequestDto'), 'readings');
    assert.deepEqual([readings.minItems, readings.maxItems], [1, MAX_INGEST_BATCH]);
  });

  it('documents the answers from the contract’s zod schemas, constraints included', async () => {
    const schemas = await documentedSchemas(app);
    const accepted = propertyOf(schemaNamed(schemas, 'IngestResponseDto'), 'accepted').items ?? {};
    assert.match('meter-1~42~5d96d0098fdf614f', patternOf(propertyOf(accepted, 'readingId')));
    const status = schemaNamed(schemas, 'ReadingStatusResponseDto');
    assert.deepEqual(propertyOf(status, 'status').enum, [...READING_STATUSES]);
    assert.equal(status.required?.includes('reason'), false, 'a reason only for rejected readings');
    assert.equal(propertyOf(status, 'result').oneOf?.length, READING_KINDS.length);
    const totals = propertyOf(schemaNamed(schemas, 'MeasurementStatsResponseDto'), 'totals');
    assert.deepEqual(totals.required, ['accepted', 'verified', 'recorded', 'rejected']);
  });
});
