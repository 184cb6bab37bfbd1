import { Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { EventConsumer, type KafkaClient } from '@metrochain/messaging';
import {
  ConsumerHost,
  KAFKA_CLIENT,
  Metrics,
  REDIS_CLIENT,
  SERVICE_CONTEXT,
  type ServiceContext,
  mspIdOf,
} from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import type { VerificationConfig } from '../config/verification.config';
import { LogModule } from '../log/log.module';
import { VerificationLog } from '../log/verification-log';
import { MeterDirectory } from './meter-directory';
import { RedisMeterCache } from './redis-meter-cache';
import { VerificationApi } from './verification-api';
import { countingSink } from './verification-metrics';
import { VerificationEngine } from './verification.engine';
import { VerificationsController } from './verifications.controller';

/** Drops a meter from the key caches whenever the registry changes it; every instance in its own group. */
class MeterCacheInvalidation extends ConsumerHost<'meter.lifecycle.v1'> {}

@Module({
  imports: [LogModule],
  controllers: [VerificationsController],
  providers: [
    {
      provide: MeterDirectory,
      useFactory: (
        context: ServiceContext<VerificationConfig>,
        redis: Redis,
        connection: LedgerConnection,
      ): MeterDirectory =>
        new MeterDirectory({
          source: RegistryClient.forConnection(connection),
          shared: new RedisMeterCache(redis),
          ttlSeconds: context.config.keyCacheTtlSeconds,
        }),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT, LEDGER_CONNECTION],
    },
    {
      provide: VerificationEngine,
      useFactory: (
        context: ServiceContext<VerificationConfig>,
        directory: MeterDirectory,
        log: VerificationLog,
        metrics: Metrics,
      ): VerificationEngine =>
        new VerificationEngine({
          directory,
          log: countingSink(log, metrics),
          verifiedBy: mspIdOf(context),
          futureSkewMs: context.config.futureSkewMs,
        }),
      inject: [SERVICE_CONTEXT, MeterDirectory, VerificationLog, Metrics],
    },
    {
      provide: VerificationApi,
      useFactory: (engine: VerificationEngine, log: VerificationLog): VerificationApi =>
        new VerificationApi(engine, log),
      inject: [VerificationEngine, VerificationLog],
    },
    {
      provide: MeterCacheInvalidation,
      useFactory: (
        context: ServiceContext<VerificationConfig>,
        kafka: KafkaClient,
        directory: MeterDirectory,
      ): MeterCacheInvalidation =>
        new MeterCacheInvalidation(
          new EventConsumer({
            kafka,
            topic: 'meter.lifecycle.v1',
            groupId: `verification-cache-${context.config.instanceId}`,
            maxAttempts: 20,
          }),
          (event) => directory.invalidate(event.value.meterId),
        ),
      inject: [SERVICE_CONTEXT, KAFKA_CLIENT, MeterDirectory],
    },
  ],
  exports: [VerificationEngine],
})
export class VerifyModule {}
