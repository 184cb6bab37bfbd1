import { Logger, Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { SERVICE_CONTEXT, type ServiceContext } from '@metrochain/service-kit';
import { BlockFeed } from '../block-feed/block-feed';
import { BlockFeedModule } from '../block-feed/block-feed.module';
import type { AuditConfig } from '../config/audit.config';
import { loadReexecutionConfig } from '../config/reexecution.config';
import { FindingsService } from '../findings/findings.service';
import { VerificationLogClient } from './verification-log-client';
import { VerificationLogController } from './verification-log.controller';
import { VerificationLogService } from './verification-log.service';

const logger = new Logger('VerificationLog');

/** Verification-log completeness (docs/audit.md): every anchored batch, read back and checked against its anchor. */
@Module({
  imports: [BlockFeedModule],
  controllers: [VerificationLogController],
  providers: [
    {
      provide: VerificationLogService,
      useFactory: (
        context: ServiceContext<AuditConfig>,
        connection: LedgerConnection,
        findings: FindingsService,
        feed: BlockFeed,
      ): VerificationLogService => {
        const registry = RegistryClient.forConnection(connection);
        const service = new VerificationLogService({
          client: new VerificationLogClient(loadReexecutionConfig().verificationUrl),
          findings,
          anchorOf: (batchId) => registry.getVerificationBatch(batchId),
          chaincode: context.profile.chaincode,
          onError: (error) => {
            logger.warn(`a verification-log check could not run: ${String(error)}`);
          },
        });
        feed.register(service);
        return service;
      },
      inject: [SERVICE_CONTEXT, LEDGER_CONNECTION, FindingsService, BlockFeed],
    },
  ],
})
export class VerificationLogModule {}
