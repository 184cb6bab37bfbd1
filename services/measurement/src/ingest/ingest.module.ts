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
import { AdmissionModule } from '../admission/admission.module';
import { IngestAdmission } from '../admission/ingest-admission';

const logger = new Logger('Ingest');

/** POST /readings and /readings/batch → readings.received.v1, status `received`. */
@Module({
  imports: [StatusModule, StatsModule, AdmissionModule],
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
        admission: IngestAdmission,
      ): IngestApi =>
        new IngestApi({
          publisher: new ReceivedPublisher(producer),
          statuses,
          stats,
          meterLimit: new MeterRateLimit(throttler, context.config.meterLimit),
          admission,
          onStatusFailure: (error) => {
            logger.warn(`accepted readings have no status until verification: ${String(error)}`);
          },
        }),
      inject: [
        EventProducer,
        RedisStatusStore,
        MeasurementStats,
        ThrottlerStorage,
        SERVICE_CONTEXT,
        IngestAdmission,
      ],
    },
  ],
})
export class IngestModule {}
