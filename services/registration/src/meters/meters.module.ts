import { Module } from '@nestjs/common';
import {
  type PlatformConfig,
  REDIS_CLIENT,
  SERVICE_CONTEXT,
  type ServiceContext,
} from '@metrochain/service-kit';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import type { Redis } from 'ioredis';
import { RedisChallengeStore } from './challenge.store';
import { DomainErrorFilter } from './domain-error.filter';
import { MetersController } from './meters.controller';
import { RegistrationService } from './registration.service';

/** The MSP id of the organisation the service runs for, as named in the network profile. */
export function attesterOf(context: ServiceContext<PlatformConfig>): string {
  const organization = context.profile.organizations[context.config.org];
  if (organization === undefined) {
    throw new Error(`organization ${context.config.org} is not in the network profile`);
  }
  return organization.mspId;
}

/** Meter registration by proof of possession; the platform (global) provides Redis, the ledger and the context. */
@Module({
  controllers: [MetersController],
  providers: [
    DomainErrorFilter,
    {
      provide: RegistrationService,
      useFactory: (
        context: ServiceContext<PlatformConfig>,
        redis: Redis,
        connection: LedgerConnection,
      ): RegistrationService =>
        new RegistrationService({
          store: new RedisChallengeStore(redis),
          registry: RegistryClient.forConnection(connection),
          attester: attesterOf(context),
        }),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT, LEDGER_CONNECTION],
    },
  ],
})
export class MetersModule {}
