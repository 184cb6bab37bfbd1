import { Module } from '@nestjs/common';
import { Metrics } from '@metrochain/service-kit';
import { MeasurementStats } from './measurement-stats';
import { measurementStatsObserver } from './measurement-metrics';
import { StatsController } from './stats.controller';

/** The instance's counters, fed by ingest, the recorder and the rejection consumer; also on /metrics. */
@Module({
  controllers: [StatsController],
  providers: [
    {
      provide: MeasurementStats,
      useFactory: (metrics: Metrics): MeasurementStats =>
        new MeasurementStats({ observer: measurementStatsObserver(metrics) }),
      inject: [Metrics],
    },
  ],
  exports: [MeasurementStats],
})
export class StatsModule {}
