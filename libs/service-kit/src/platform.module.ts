import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LedgerModule } from '@metrochain/ledger';
import { EventProducer } from '@metrochain/messaging';
import type { PlatformConfig } from './config/platform-config';
import { HealthController } from './health/health.controller';
import { HttpMetricsHook } from './metrics/http-metrics';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { platformMetrics } from './metrics/platform-metrics';
import { readBuildVersion } from './version/build-version';
import { SERVICE_VERSION, VersionController } from './version/version.controller';
import { eventProducerProvider, kafkaAdminProvider, kafkaClientProvider } from './kafka/kafka.providers';
import { accessProviders } from './access/access.providers';
import { FixedWindowStorage } from './access/fixed-window-storage';
import type { HttpStatusOf } from './http/http-error.filter';
import { RouteBodyLimits } from './http/route-body-limits';
import { PlatformShutdown } from './platform-shutdown';
import { KAFKA_ADMIN, KAFKA_CLIENT, REDIS_CLIENT, SERVICE_CONTEXT } from './platform.tokens';
import { ReadinessService } from './readiness/readiness.service';
import { redisProvider } from './redis/redis.provider';
import type { ServiceContext } from './service-context';

/**
 * What every service stands on, registered once in its AppModule: the ledger connection of the service's own
 * identity, Redis, the Kafka client with a connected EventProducer, `/health/live` + `/health/ready`, `/version`,
 * `/metrics` with the `Metrics` registry for domain counters, and who may
 * call what (access guard, write limits, route body limits, the one error filter with the service's `errorStatus`
 * table; docs/identity.md). Global, so that feature modules inject these without importing it again.
 */
@Module({})
export class PlatformModule {
  static register(
    context: ServiceContext<PlatformConfig>,
    options: Readonly<{ errorStatus?: HttpStatusOf }> = {},
  ): DynamicModule {
    const { writes, windowMs } = context.config.rateLimit;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        DiscoveryModule,
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: windowMs, limit: writes }],
          storage: new FixedWindowStorage(),
        }),
        LedgerModule.register({
          profile: context.profile,
          org: context.config.org,
          identity: context.identity,
        }),
      ],
      controllers: [HealthController, VersionController, MetricsController],
      providers: [
        { provide: SERVICE_CONTEXT, useValue: context },
        { provide: SERVICE_VERSION, useValue: readBuildVersion(context.serviceName) },
        redisProvider,
        kafkaClientProvider,
        eventProducerProvider,
        kafkaAdminProvider,
        ReadinessService,
        PlatformShutdown,
        RouteBodyLimits,
        { provide: Metrics, useValue: platformMetrics(context.serviceName) },
        HttpMetricsHook,
        ...accessProviders(context, options.errorStatus ?? ((): undefined => undefined)),
      ],
      exports: [
        ThrottlerModule,
        SERVICE_CONTEXT,
        REDIS_CLIENT,
        KAFKA_CLIENT,
        // Connected, for reads of cluster state such as consumer-group lag (measurement's admission control).
        KAFKA_ADMIN,
        EventProducer,
        LedgerModule,
        ReadinessService,
        Metrics,
      ],
    };
  }
}
