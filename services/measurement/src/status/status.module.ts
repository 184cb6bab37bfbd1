import { Module } from '@nestjs/common';
import { EventConsumer, type KafkaClient } from '@metrochain/messaging';
import {
  ConsumerHost,
  KAFKA_CLIENT,
  REDIS_CLIENT,
  SERVICE_CONTEXT,
  type ServiceContext,
} from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import type { MeasurementConfig } from '../config/measurement.config';
import { MeasurementStats } from '../stats/measurement-stats';
import { StatsModule } from '../stats/stats.module';
import { RedisStatusStore } from './redis-status-store';
import { RejectedReadingsHandler } from './rejected-readings.handler';
import { StatusApi } from './status-api';
import { StatusController } from './status.controller';

/** Consumer group of the status views: every instance shares the rejections, each stored once. */
export const STATUS_GROUP_ID = 'measurement-status';

class RejectedReadingsConsumer extends ConsumerHost<'readings.rejected.v1'> {}

/** Reading statuses in Redis: the store the other features write, GET /readings/:id, and the rejections. */
@Module({
  imports: [StatsModule],
  controllers: [StatusController],
  providers: [
    {
      provide: RedisStatusStore,
      useFactory: (context: ServiceContext<MeasurementConfig>, redis: Redis): RedisStatusStore =>
        new RedisStatusStore(redis, context.config.statusTtlSeconds),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT],
    },
    {
      provide: StatusApi,
      useFactory: (store: RedisStatusStore): StatusApi => new StatusApi(store),
      inject: [RedisStatusStore],
    },
    {
      provide: RejectedReadingsConsumer,
      useFactory: (
        kafka: KafkaClient,
        store: RedisStatusStore,
        stats: MeasurementStats,
      ): RejectedReadingsConsumer => {
        const handler = new RejectedReadingsHandler(store, stats);
        return new RejectedReadingsConsumer(
          new EventConsumer({
            kafka,
            topic: 'readings.rejected.v1',
            groupId: STATUS_GROUP_ID,
            fromBeginning: true,
            // A Redis outage of a minute must not send rejections to the dead-letter topic.
            maxAttempts: 30,
            partitionsConsumedConcurrently: 3,
          }),
          { batches: (events) => handler.handle(events) },
        );
      },
      inject: [KAFKA_CLIENT, RedisStatusStore, MeasurementStats],
    },
  ],
  exports: [RedisStatusStore],
})
export class StatusModule {}
