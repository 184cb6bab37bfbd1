import { Module } from '@nestjs/common';
import { LEDGER_CONNECTION, type LedgerConnection, RegistryClient } from '@metrochain/ledger';
import { loadDashboardConfig } from '../config/dashboard.config';
import { ProofsController } from './proofs.controller';
import { ProofsService } from './proofs.service';
import { VerificationRelay } from './verification-relay';

/** The proof checker's API and the verification stream relay (both from the verification service). */
@Module({
  controllers: [ProofsController],
  providers: [
    {
      provide: ProofsService,
      useFactory: (connection: LedgerConnection): ProofsService => {
        const base = loadDashboardConfig().verificationUrl;
        return new ProofsService(
          (id) =>
            fetch(`${base}/verifications/${encodeURIComponent(id)}`, { signal: AbortSignal.timeout(5000) }),
          RegistryClient.forConnection(connection),
        );
      },
      inject: [LEDGER_CONNECTION],
    },
    {
      provide: VerificationRelay,
      useFactory: (): VerificationRelay => new VerificationRelay(loadDashboardConfig().verificationUrl),
    },
  ],
})
export class ProofsModule {}
