import { Module } from '@nestjs/common';
import { Metrics, REDIS_CLIENT, SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import {
  GovernanceClient,
  LEDGER_CONNECTION,
  type LedgerConnection,
  RegistryClient,
} from '@metrochain/ledger';
import type { Redis } from 'ioredis';
import { ownMspId } from '../config/own-msp';
import type { RegistrationConfig } from '../config/registration.config';
import { ApprovalQueueService } from './approval-queue.service';
import { ApprovalsController } from './approvals.controller';
import { AttestAndRead } from './attest-and-read';
import { countedAttestations } from './registration-metrics';
import { AttestationBatcher } from './attestation-batcher';
import { AttestationPolicyStore } from './attestation-policy';
import { RedisChallengeStore, RedisRotationStore } from './challenge.store';
import { HeldRegistrations } from './held-registrations';
import { MeterChangesController } from './meter-changes.controller';
import { MetersController } from './meters.controller';
import { ModelApprovalService } from './model-approval.service';
import { ModelApprovals } from './model-approvals';
import { ModelsController } from './models.controller';
import { RegistrationService } from './registration.service';
import { RevocationService } from './revocation.service';
import { RotationService } from './rotation.service';

type Context = ServiceContext<RegistrationConfig>;

/**
 * Registration by proof of possession (automatic or held for an operator), model approval, revocation and key
 * rotation, all written with this NMI's registrar identity; the platform (global) provides Redis, the ledger
 * connection and the context.
 */
@Module({
  controllers: [MetersController, MeterChangesController, ApprovalsController, ModelsController],
  providers: [
    {
      provide: AttestAndRead,
      useFactory: (context: Context, connection: LedgerConnection, metrics: Metrics): AttestAndRead => {
        const registry = RegistryClient.forConnection(connection);
        const batcher = new AttestationBatcher({ registry, ...context.config.attestBatch });
        return new AttestAndRead({ registry, attestations: countedAttestations(batcher, metrics) });
      },
      inject: [SERVICE_CONTEXT, LEDGER_CONNECTION, Metrics],
    },
    {
      provide: AttestationPolicyStore,
      useFactory: (context: Context, redis: Redis): AttestationPolicyStore =>
        new AttestationPolicyStore(redis, ownMspId(context)),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT],
    },
    {
      provide: HeldRegistrations,
      useFactory: (context: Context, redis: Redis): HeldRegistrations =>
        new HeldRegistrations(redis, ownMspId(context)),
      inject: [SERVICE_CONTEXT, REDIS_CLIENT],
    },
    {
      provide: RegistrationService,
      useFactory: (
        context: Context,
        redis: Redis,
        connection: LedgerConnection,
        attester: AttestAndRead,
        policies: AttestationPolicyStore,
        held: HeldRegistrations,
      ): RegistrationService =>
        new RegistrationService({
          store: new RedisChallengeStore(redis),
          registry: RegistryClient.forConnection(connection),
          attester,
          models: new ModelApprovals(GovernanceClient.forConnection(connection)),
          policies,
          held,
          nmi: ownMspId(context),
        }),
      inject: [
        SERVICE_CONTEXT,
        REDIS_CLIENT,
        LEDGER_CONNECTION,
        AttestAndRead,
        AttestationPolicyStore,
        HeldRegistrations,
      ],
    },
    {
      provide: ApprovalQueueService,
      useFactory: (
        attester: AttestAndRead,
        policies: AttestationPolicyStore,
        held: HeldRegistrations,
      ): ApprovalQueueService => new ApprovalQueueService({ attester, policies, held }),
      inject: [AttestAndRead, AttestationPolicyStore, HeldRegistrations],
    },
    {
      provide: ModelApprovalService,
      useFactory: (connection: LedgerConnection): ModelApprovalService =>
        new ModelApprovalService(GovernanceClient.forConnection(connection)),
      inject: [LEDGER_CONNECTION],
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
