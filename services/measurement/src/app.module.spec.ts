import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { LEDGER_CONNECTION } from '@metrochain/ledger';
import { EventProducer } from '@metrochain/messaging';
import { FakeKafka } from '@metrochain/messaging/testing';
import { createLogger } from '@metrochain/observability';
import {
  KAFKA_ADMIN,
  KAFKA_CLIENT,
  Metrics,
  REDIS_CLIENT,
  ReadinessService,
  SERVICE_CONTEXT,
  createHttpApp,
} from '@metrochain/service-kit';
import { loadMeasurementConfig } from './config/measurement.config';
import { IngestModule } from './ingest/ingest.module';
import { RecorderModule } from './recorder/recorder.module';
import { StatsModule } from './stats/stats.module';
import { StatusModule } from './status/status.module';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { readingOf } from './testing/reading-fixtures';

const kafka = new FakeKafka();
const producer = new FakeEventProducer();
const statusChanges: unknown[][] = [];
const redis = {
  defineCommand: () => undefined,
  pipeline: () => {
    const pipeline = {
      metrochainApplyReadingStatus: (...args: unknown[]) => (statusChanges.push(args), pipeline),
      exec: () => Promise.resolve([]),
    };
    return pipeline;
  },
  hgetall: () => Promise.resolve({}),
};

// Admission control reads the pipeline's lag: empty topics, nothing in flight.
const admin = {
  fetchTopicOffsets: () => Promise.resolve([]),
  fetchOffsets: () => Promise.resolve([]),
};

// The recorder registers its LR approval hold as a degradation source.
const degradationSources: (() => unknown)[] = [];
const readiness = {
  addDegradationSource: (source: () => unknown): void => {
    degradationSources.push(source);
  },
};

// What PlatformModule provides, without Kafka, Redis or a ledger behind it.
@Global()
@Module({
  providers: [
    {
      provide: SERVICE_CONTEXT,
      useValue: {
        serviceName: 'measurement',
        identity: 'measurement',
        config: loadMeasurementConfig({}),
        profile: { organizations: { PTB: { mspId: 'PTBMSP' } } },
      },
    },
    { provide: KAFKA_CLIENT, useValue: kafka },
    { provide: KAFKA_ADMIN, useValue: admin },
    { provide: REDIS_CLIENT, useValue: redis },
    { provide: EventProducer, useValue: producer },
    { provide: LEDGER_CONNECTION, useValue: { contract: () => ({}) } },
    { provide: ThrottlerStorage, useClass: ThrottlerStorageService },
    { provide: ReadinessService, useValue: readiness },
    { provide: Metrics, useValue: new Metrics({ service: 'measurement', defaultMetrics: false }) },
  ],
  exports: [
    SERVICE_CONTEXT,
    KAFKA_CLIENT,
    KAFKA_ADMIN,
    REDIS_CLIENT,
    EventProducer,
    LEDGER_CONNECTION,
    ThrottlerStorage,
    ReadinessService,
    Metrics,
  ],
})
class FakePlatformModule {}

// The feature modules of AppModule, on the fake platform.
@Module({ imports: [FakePlatformModule, IngestModule, StatusModule, RecorderModule, StatsModule] })
class SpecAppModule {}

describe('the measurement service wiring', () => {
  let app: NestFastifyApplication;
  before(async () => {
    const logger = createLogger('spec', { level: 'silent' });
    app = await createHttpApp({ serviceName: 'measurement', module: SpecAppModule, logger });
    await app.init();
  });
  after(() => app.close());

  it('starts the recorder and the rejection consumer in their own groups', () => {
    // The recorder's LR approval hold reports to readiness; it holds nothing yet.
    assert.deepEqual(
      degradationSources.map((source) => source()),
      [undefined],
    );
    assert.deepEqual(kafka.consumerConfigs.map((config) => config.groupId).sort(), [
      'measurement-recorder',
      'measurement-status',
    ]);
    assert.deepEqual(kafka.consumerOf('measurement-recorder')?.subscription, {
      topics: ['readings.verified.v1'],
      fromBeginning: true,
    });
    assert.deepEqual(kafka.consumerOf('measurement-status')?.subscription, {
      topics: ['readings.rejected.v1'],
      fromBeginning: true,
    });
  });

  it('ingests through the platform producer and writes the status through the platform Redis', async () => {
    const response = await app.inject({ method: 'POST', url: '/readings', payload: readingOf(1) });
    assert.equal(response.statusCode, 202);
    assert.equal(producer.on('readings.received.v1').length, 1);
    assert.equal(statusChanges.length, 1);
    assert.equal(statusChanges[0]?.[1], String(7 * 24 * 3600));
  });

  it('leaves both groups on shutdown', async () => {
    await app.close();
    for (const consumer of kafka.consumers) {
      assert.deepEqual([consumer.stopped, consumer.disconnected], [true, true]);
    }
  });
});
