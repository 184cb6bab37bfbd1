import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@metrochain/observability';
import { HealthController } from '../health/health.controller';
import { READINESS_CHECKS, type ReadinessReport, aggregateReadiness } from '../readiness/readiness';
import { type OpenApiSchema, propertyOf, schemaNamed } from '../testing/openapi-schemas';
import { ReadinessService } from '../readiness/readiness.service';
import { createHttpApp } from './create-http-app';

const up = { status: 'up' } as const;
let next: ReadinessReport = aggregateReadiness({ kafka: up, redis: up, ledger: up });

// The real ReadinessService's 503 path, with the probes replaced by whatever the test sets in `next`.
const fakeReadiness = {
  requireReady: (): Promise<ReadinessReport> =>
    ReadinessService.prototype.requireReady.call({ report: () => Promise.resolve(next) }),
};

@Module({
  controllers: [HealthController],
  providers: [{ provide: ReadinessService, useValue: fakeReadiness }],
})
class HealthOnlyModule {}

describe('createHttpApp with the health controller', () => {
  let app: NestFastifyApplication;
  before(async () => {
    const logger = createLogger('spec', { level: 'silent' });
    app = await createHttpApp({ serviceName: 'registration', module: HealthOnlyModule, logger });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(() => app.close());

  it('answers /health/live with ok', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  it('answers /health/ready with 200 when every check is up', async () => {
    next = aggregateReadiness({ kafka: up, redis: up, ledger: up });
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), next);
  });

  it('answers /health/ready with 503 and the checks when one is down', async () => {
    next = aggregateReadiness({ kafka: up, redis: { status: 'down', detail: 'ECONNREFUSED' }, ledger: up });
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(response.statusCode, 503);
    assert.deepEqual(response.json(), {
      status: 'not_ready',
      checks: { kafka: up, redis: { status: 'down', detail: 'ECONNREFUSED' }, ledger: up },
      failing: ['redis'],
    });
  });

  it('serves the OpenAPI document and its UI at /docs', async () => {
    const json = await app.inject({ method: 'GET', url: '/docs-json' });
    assert.equal(json.statusCode, 200);
    const document = json.json<{ info: { title: string }; paths: Record<string, unknown> }>();
    assert.equal(document.info.title, 'metrochain registration');
    assert.deepEqual(Object.keys(document.paths).sort(), ['/health/live', '/health/ready']);
    const ui = await app.inject({ method: 'GET', url: '/docs' });
    assert.equal(ui.statusCode, 200);
    assert.match(ui.headers['content-type'] ?? '', /text\/html/);
  });

  it('documents the health bodies from their zod schemas, with no nestjs-zod markers left', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    assert.doesNotMatch(response.body, /x-nestjs_zod/);
    const { schemas } = response.json<{ components: { schemas: Record<string, OpenApiSchema> } }>()
      .components;
    assert.deepEqual(propertyOf(schemaNamed(schemas, 'LivenessDto'), 'status').enum, ['ok']);
    const report = schemaNamed(schemas, 'ReadinessReportDto');
    assert.deepEqual(report.required, ['status', 'checks', 'failing']);
    assert.deepEqual(propertyOf(report, 'failing').items?.enum, [...READINESS_CHECKS]);
    const checks = propertyOf(report, 'checks');
    assert.deepEqual(checks.required, [...READINESS_CHECKS]);
    assert.deepEqual(propertyOf(checks, 'redis').required, ['status']);
  });
});
