import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Get, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { clearConsumerLags, recordConsumerLag } from '@metrochain/messaging';
import { createLogger } from '@metrochain/observability';
import { Public } from '../access/access-policy';
import { createHttpApp } from '../bootstrap/create-http-app';
import { HTTP_DURATION_METRIC, HttpMetricsHook } from './http-metrics';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { CONSUMER_LAG_METRIC, platformMetrics } from './platform-metrics';

describe('Metrics', () => {
  it('labels every metric with the service and returns the first declaration of a name', async () => {
    const metrics = new Metrics({ service: 'audit', defaultMetrics: false });
    const first = metrics.counter({ name: 'metrochain_x_total', help: 'x', labelNames: ['code'] });
    const again = metrics.counter({ name: 'metrochain_x_total', help: 'x', labelNames: ['code'] });
    assert.equal(again, first);
    first.inc({ code: 'A' }, 2);
    assert.match(await metrics.text(), /^metrochain_x_total\{code="A",service="audit"\} 2$/m);
  });

  it('refuses a name outside the metrochain_ namespace', () => {
    const metrics = new Metrics({ service: 'audit', defaultMetrics: false });
    assert.throws(() => metrics.counter({ name: 'x_total', help: 'x' }), /must start with metrochain_/);
  });

  it('has the process metrics and the consumer lag each consumer last recorded', async () => {
    clearConsumerLags();
    recordConsumerLag({ groupId: 'verification', topic: 'readings.received.v1', partition: 3, lag: 41 });
    recordConsumerLag({ groupId: 'verification', topic: 'readings.received.v1', partition: 3, lag: -5 });
    const text = await platformMetrics('verification').text();
    assert.match(text, /^process_cpu_user_seconds_total/m);
    assert.match(text, /^nodejs_eventloop_lag_seconds/m);
    assert.match(
      text,
      new RegExp(
        `^${CONSUMER_LAG_METRIC}\\{group="verification",topic="readings.received.v1",partition="3",service="verification"\\} 0$`,
        'm',
      ),
    );
    clearConsumerLags();
  });
});

@Public()
@Controller('things')
class ThingsController {
  @Get(':id')
  thing(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('GET /metrics', () => {
  const metrics = new Metrics({ service: 'spec' });
  let app: NestFastifyApplication;

  @Module({
    controllers: [MetricsController, ThingsController],
    providers: [{ provide: Metrics, useValue: metrics }, HttpMetricsHook],
  })
  class MetricsOnlyModule {}

  before(async () => {
    const logger = createLogger('spec', { level: 'silent' });
    app = await createHttpApp({ serviceName: 'spec', module: MetricsOnlyModule, logger });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  after(() => app.close());

  it('answers anyone in the Prometheus text format, with request durations by route pattern', async () => {
    await app.inject({ method: 'GET', url: '/things/a' });
    await app.inject({ method: 'GET', url: '/things/b' });
    await app.inject({ method: 'GET', url: '/nowhere/at/all' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const count = (route: string, status: string): string | undefined =>
      response.body
        .split('\n')
        .find(
          (line) =>
            line.startsWith(`${HTTP_DURATION_METRIC}_count{`) &&
            line.includes(`route="${route}"`) &&
            line.includes(`status="${status}"`) &&
            line.includes('method="GET"'),
        )
        ?.split(' ')
        .at(-1);
    assert.equal(count('/things/:id', '200'), '2');
    assert.equal(count('unmatched', '404'), '1');
    assert.match(response.body, /^process_resident_memory_bytes/m);
  });
});
