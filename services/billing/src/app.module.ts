import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@metrochain/service-kit';
import type { BillingConfig } from './config/billing.config';

/** Wiring only: the platform (own ledger identity, Kafka, Redis, health) and the feature modules. */
@Module({})
export class AppModule {
  static register(context: ServiceContext<BillingConfig>): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.register(context)] };
  }
}
