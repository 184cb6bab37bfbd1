import { Logger, Module } from '@nestjs/common';
import { BillingClient, LEDGER_CONNECTION, type LedgerConnection } from '@metrochain/ledger';
import { EventProducer } from '@metrochain/messaging';
import { Metrics, REDIS_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import type { Redis } from 'ioredis';
import type { BillingConfig } from '../config/billing.config';
import { KeyVault } from '../keys/key-vault';
import { billingMetrics } from '../statements/billing-metrics';
import { CloserHost } from '../statements/closer.host';
import { StatementCloser } from '../statements/statement-closer';
import { TariffsController } from '../tariffs/tariffs.controller';
import { AccountsController } from './accounts.controller';
import { BillingService } from './billing.service';

type Context = ServiceContext<BillingConfig>;

const logger = new Logger('Billing');

/** The organisations that endorse a bill: as configured, else every NMI of the network profile. */
function endorsers(context: Context): string[] {
  const configured = context.config.endorsingMspIds;
  return configured.length > 0
    ? configured
    : Object.values(context.profile.organizations).map((organization) => organization.mspId);
}

/**
 * Tariffs, accounts, functional keys and statements, written with this service's billing identity to the billing
 * contract; statements go out on billing.statements.v1. The platform (global) provides Redis, the ledger
 * connection, the Kafka producer and the context.
 */
@Module({
  controllers: [TariffsController, AccountsController],
  providers: [
    {
      provide: BillingClient,
      useFactory: (context: Context, connection: LedgerConnection): BillingClient =>
        BillingClient.forConnection(connection, { endorsingOrganizations: endorsers(context) }),
      inject: [SERVICE_CONTEXT, LEDGER_CONNECTION],
    },
    {
      provide: KeyVault,
      useFactory: (redis: Redis): KeyVault => new KeyVault(redis),
      inject: [REDIS_CLIENT],
    },
    {
      provide: StatementCloser,
      useFactory: (
        context: Context,
        ledger: BillingClient,
        vault: KeyVault,
        redis: Redis,
        producer: EventProducer,
        metrics: Metrics,
      ): StatementCloser => {
        const counted = billingMetrics(metrics);
        return new StatementCloser({
          ledger,
          vault,
          redis,
          settings: context.config.closing,
          publish: async (statement) => {
            await producer.publish('billing.statements.v1', statement.accountId, statement);
            counted.published(statement);
          },
          onFailure: (accountId, period, error) => {
            counted.failed(error);
            logger.warn(`statement of ${accountId} ${period} not computed: ${String(error)}`);
          },
        });
      },
      inject: [SERVICE_CONTEXT, BillingClient, KeyVault, REDIS_CLIENT, EventProducer, Metrics],
    },
    {
      provide: CloserHost,
      useFactory: (context: Context, closer: StatementCloser): CloserHost =>
        new CloserHost(closer, context.config.closing.intervalMs),
      inject: [SERVICE_CONTEXT, StatementCloser],
    },
    {
      provide: BillingService,
      useFactory: (ledger: BillingClient, vault: KeyVault, closer: StatementCloser): BillingService =>
        new BillingService({ ledger, vault, closer }),
      inject: [BillingClient, KeyVault, StatementCloser],
    },
  ],
})
export class BillingModule {}
