import { Module } from '@nestjs/common';
import { MeasurementStats } from './measurement-stats';
import { StatsController } from './stats.controller';

/** The instance's counters, fed by ingest, the recorder and the rejection consumer. */
@Module({
  controllers: [StatsController],
  providers: [{ provide: MeasurementStats, useFactory: (): MeasurementStats => new MeasurementStats() }],
  exports: [MeasurementStats],
})
export class StatsModule {}
