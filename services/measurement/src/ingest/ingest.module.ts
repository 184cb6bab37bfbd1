import { Logger, Module } from '@nestjs/common';
import { EventProducer } from '@metrochain/messaging';
import { MeasurementErrorFilter } from '../http/measurement-error';
import { MeasurementStats } from '../stats/measurement-stats';
import { StatsModule } from '../stats/stats.module';
import { RedisStatusStore } from '../status/redis-status-store';
import { StatusModule } from '../status/status.module';
import { IngestApi } from './ingest-api';
import { IngestController } from './ingest.controller';
import { ReceivedPublisher } from './received-publisher';
import { RouteBodyLimits } from './route-body-limits';

const logger = new Logger('Ingest');

/** POST /readings and /readings/batch → readings.received.v1, status `received`. */
@Module({
  imports: [StatusModule, StatsModule],
  controllers: [IngestController],
  providers: [
    MeasurementErrorFilter,
    RouteBodyLimits,
    {
      provide: IngestApi,
      useFactory: (producer: EventProducer, statuses: RedisStatusStore, stats: MeasurementStats): IngestApi =>
        new IngestApi({
          publisher: new ReceivedPublisher(producer),
          statuses,
          stats,
          onStatusFailure: (error) => {
            logger.warn(`accepted readings have no status until verification: ${String(error)}`);
          },
        }),
      inject: [EventProducer, RedisStatusStore, MeasurementStats],
    },
  ],
})
export class IngestModule {}
