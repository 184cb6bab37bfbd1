import { Global, Module } from '@nestjs/common';
import { EventProducer } from '@metrochain/messaging';
import {
  Metrics,
  REDIS_CLIENT,
  SERVICE_CONTEXT,
  type ServiceContext,
  mspIdOf,
} from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import type { AuditConfig } from '../config/audit.config';
import { FindingsController } from './findings.controller';
import { FindingsService } from './findings.service';
import { FindingsStore } from './findings-store';
import { findingsCounter } from './findings-metrics';

/**
 * Findings: every check reports through FindingsService (global, so each feature module can inject it), which
 * publishes to audit.findings.v1 and keeps a capped history in Redis for the API and the dashboard.
 */
@Global()
@Module({
  controllers: [FindingsController],
  providers: [
    {
      provide: FindingsService,
      useFactory: (
        context: ServiceContext<AuditConfig>,
        redis: Redis,
        producer: EventProducer,
        metrics: Metrics,
      ): FindingsService =>
        new FindingsService({
          onReported: findingsCounter(metrics),
          store: new FindingsStore(redis),
          detectedBy: mspIdOf(context),
          publish: async (finding) => {
            await producer.publish('audit.findings.v1', finding.subject, finding);
          },
        }),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT, EventProducer, Metrics],
    },
  ],
  exports: [FindingsService],
})
export class FindingsModule {}
