import { Logger, Module } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { MeasurementConfig } from '../config/measurement.config';
import { EventProducer } from '@metrochain/messaging';
import { MeasurementStats } from '../stats/measurement-stats';
import { StatsModule } from '../stats/stats.module';
import { RedisStatusStore } from '../status/redis-status-store';
import { StatusModule } from '../status/status.module';
import { IngestApi } from './ingest-api';
import { IngestController } from './ingest.controller';
import { ReceivedPublisher } from './received-publisher';
import { MeterRateLimit } from './meter-rate-limit';

const logger = new Logger('Ingest');

/** POST /readings and /readings/batch → readings.received.v1, status `received`. */
@Module({
  imports: [StatusModule, StatsModule],
  controllers: [IngestController],
  providers: [
    {
      provide: IngestApi,
      useFactory: (
        producer: EventProducer,
        statuses: RedisStatusStore,
        stats: MeasurementStats,
        throttler: ThrottlerStorage,
        context: ServiceContext<MeasurementConfig>,
      ): IngestApi =>
        new IngestApi({
          publisher: new ReceivedPublisher(producer),
          statuses,
          stats,
          meterLimit: new MeterRateLimit(throttler, context.config.meterLimit),
          onStatusFailure: (error) => {
            logger.warn(`accepted readings have no status until verification: ${String(error)}`);
          },
        }),
      inject: [EventProducer, RedisStatusStore, MeasurementStats, ThrottlerStorage, SERVICE_CONTEXT],
    },
  ],
})
export class IngestModule {}
