import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@metrochain/service-kit';
import { BillingModule } from './accounts/billing.module';
import type { BillingConfig } from './config/billing.config';
import { billingHttpStatus } from './http/billing-http-status';

/** Wiring only: the platform (own ledger identity, Kafka, Redis, health) and the feature modules. */
@Module({})
export class AppModule {
  static register(context: ServiceContext<BillingConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.register(context, { errorStatus: billingHttpStatus }), BillingModule],
    };
  }
}
