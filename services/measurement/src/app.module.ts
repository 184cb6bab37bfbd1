import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@metrochain/service-kit';
import type { MeasurementConfig } from './config/measurement.config';
import { measurementHttpStatus } from './http/measurement-error';
import { IngestModule } from './ingest/ingest.module';
import { RecorderModule } from './recorder/recorder.module';
import { StatsModule } from './stats/stats.module';
import { StatusModule } from './status/status.module';

/** Wiring only: the platform (own ledger identity, Kafka, Redis, health) and the feature modules. */
@Module({})
export class AppModule {
  static register(context: ServiceContext<MeasurementConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(context, { errorStatus: measurementHttpStatus }),
        IngestModule,
        StatusModule,
        RecorderModule,
        StatsModule,
      ],
    };
  }
}
