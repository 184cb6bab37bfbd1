import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@metrochain/service-kit';
import type { VerificationConfig } from './config/verification.config';
import { PipelineModule } from './pipeline/pipeline.module';
import { StreamModule } from './stream';
import { verificationHttpStatus } from './verify/verification-error';
import { VerifyModule } from './verify/verify.module';

/** Wiring only: the platform (own ledger identity, Kafka, Redis, health) and the feature modules. */
@Module({})
export class AppModule {
  static register(context: ServiceContext<VerificationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(context, { errorStatus: verificationHttpStatus }),
        VerifyModule,
        PipelineModule,
        StreamModule,
      ],
    };
  }
}
