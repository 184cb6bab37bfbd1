import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { traceViewSchema } from '@metrochain/contracts';
import { createLogger } from '@metrochain/observability';
import { createHttpApp } from '@metrochain/service-kit';
import { accessSpecProviders, newTestIssuer } from '@metrochain/service-kit/testing';
import { auditHttpStatus } from '../http/audit-http-status';
import { INGEST_SPAN, TRACE_ID, exportOf } from './trace-fixtures';
import { TraceStore } from './trace-store';
import { TraceService } from './trace.service';
import { TracesController } from './traces.controller';
import { ThrowawayRedis, redisMissing } from '@metrochain/service-kit/testing';

describe('audit API: traces', { skip: redisMissing }, () => {
  const tokens: Record<string, string> = {};
  let redis: ThrowawayRedis;
  let app: NestFastifyApplication;

  before(async () => {
    redis = await ThrowawayRedis.start();
    const issuer = await newTestIssuer();
    tokens['auditor'] = await issuer.token({ sub: 'auditor-ptb', role: 'auditor' });
    tokens['utility'] = await issuer.token({ sub: 'stadtwerke-nord', role: 'utility' });
    const store = new TraceStore(redis.client, { ttlSeconds: 600, maxTraces: 100, maxSpansPerTrace: 100 });
    @Module({
      controllers: [TracesController],
      providers: [
        { provide: TraceService, useValue: new TraceService({ store, token: undefined }) },
        ...accessSpecProviders({ issuers: [issuer.trusted], ownNmi: 'PTBMSP', errorStatus: auditHttpStatus }),
      ],
    })
    class SpecModule {}
    app = await createHttpApp({
      serviceName: 'audit',
      module: SpecModule,
      logger: createLogger('spec', { level: 'silent' }),
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(async () => {
    await app.close();
    await redis.stop();
  });

  const body = exportOf('measurement', [
    { spanId: INGEST_SPAN, name: 'measurement.ingest', startMs: 0, durationMs: 3 },
  ]);

  it('takes an OTLP/JSON export from this host and shows the trace to auditors only', async () => {
    const posted = await app.inject({
      method: 'POST',
      url: '/v1/traces',
      payload: body,
      remoteAddress: '127.0.0.1',
    });
    assert.equal(posted.statusCode, 200);
    assert.deepEqual(posted.json(), {});
    const auth = (role: string): Record<string, string> => ({
      authorization: `Bearer ${tokens[role] ?? ''}`,
    });
    const view = await app.inject({
      method: 'GET',
      url: `/api/traces/${TRACE_ID}`,
      headers: auth('auditor'),
    });
    assert.equal(view.statusCode, 200);
    assert.equal(traceViewSchema.parse(view.json()).spans[0]?.name, 'measurement.ingest');
    const list = await app.inject({ method: 'GET', url: '/api/traces?limit=5', headers: auth('auditor') });
    assert.equal(list.json<unknown[]>().length, 1);
    assert.equal((await app.inject({ method: 'GET', url: '/api/traces' })).statusCode, 401);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/traces', headers: auth('utility') })).statusCode,
      403,
    );
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/traces/${'e'.repeat(32)}`,
      headers: auth('auditor'),
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json<{ code: string }>().code, 'TRACE_UNKNOWN');
    const malformedId = await app.inject({ method: 'GET', url: '/api/traces/xyz', headers: auth('auditor') });
    assert.equal(malformedId.json<{ code: string }>().code, 'REQUEST_INVALID');
  });

  it('refuses exports from another host (403) and malformed bodies (400) with a code', async () => {
    const foreign = await app.inject({
      method: 'POST',
      url: '/v1/traces',
      payload: body,
      remoteAddress: '10.1.2.3',
    });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json<{ code: string }>().code, 'ACCESS_FORBIDDEN');
    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/traces',
      payload: { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'x' }] }] }] },
      remoteAddress: '127.0.0.1',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json<{ code: string }>().code, 'REQUEST_INVALID');
  });
});
