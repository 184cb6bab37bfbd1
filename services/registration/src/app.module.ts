import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@metrochain/service-kit';
import type { RegistrationConfig } from './config/registration.config';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MetersModule } from './meters/meters.module';
import { registrationHttpStatus } from './meters/registration-http-status';

/** Wiring only: the platform (own ledger identity, Kafka, Redis, health) and the feature modules. */
@Module({})
export class AppModule {
  static register(context: ServiceContext<RegistrationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(context, { errorStatus: registrationHttpStatus }),
        MetersModule,
        LifecycleModule,
      ],
    };
  }
}
