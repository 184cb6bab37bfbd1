import { Module } from '@nestjs/common';
import { REDIS_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import type { Redis } from 'ioredis';
import { ownMspId } from '../config/own-msp';
import type { RegistrationConfig } from '../config/registration.config';
import { AttestationBatcher } from './attestation-batcher';
import { RedisChallengeStore, RedisRotationStore } from './challenge.store';
import { DomainErrorFilter } from './domain-error.filter';
import { MeterChangesController } from './meter-changes.controller';
import { MetersController } from './meters.controller';
import { RegistrationService } from './registration.service';
import { RevocationService } from './revocation.service';
import { RotationService } from './rotation.service';

/**
 * Registration by proof of possession, revocation and key rotation, all written with this NMI's registrar identity;
 * the platform (global) provides Redis, the ledger connection and the context.
 */
@Module({
  controllers: [MetersController, MeterChangesController],
  providers: [
    DomainErrorFilter,
    {
      provide: RegistrationService,
      useFactory: (
        context: ServiceContext<RegistrationConfig>,
        redis: Redis,
        connection: LedgerConnection,
      ): RegistrationService => {
        const registry = RegistryClient.forConnection(connection);
        return new RegistrationService({
          store: new RedisChallengeStore(redis),
          registry,
          attestations: new AttestationBatcher({ registry, ...context.config.attestBatch }),
          attester: ownMspId(context),
        });
      },
      inject: [SERVICE_CONTEXT, REDIS_CLIENT, LEDGER_CONNECTION],
    },
    {
      provide: RevocationService,
      useFactory: (connection: LedgerConnection): RevocationService =>
        new RevocationService({ registry: RegistryClient.forConnection(connection) }),
      inject: [LEDGER_CONNECTION],
    },
    {
      provide: RotationService,
      useFactory: (redis: Redis, connection: LedgerConnection): RotationService =>
        new RotationService({
          store: new RedisRotationStore(redis),
          registry: RegistryClient.forConnection(connection),
        }),
      inject: [REDIS_CLIENT, LEDGER_CONNECTION],
    },
  ],
})
export class MetersModule {}
