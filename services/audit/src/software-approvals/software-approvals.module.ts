import { Module } from '@nestjs/common';
import { GovernanceClient } from '@metrochain/ledger';
import { SoftwareApprovalsController } from './software-approvals.controller';
import { SoftwareApprovalsService } from './software-approvals.service';

/** Approval and withdrawal of LR software per meter kind, on the ledger, for notified bodies. */
@Module({
  controllers: [SoftwareApprovalsController],
  providers: [
    {
      provide: SoftwareApprovalsService,
      useFactory: (governance: GovernanceClient): SoftwareApprovalsService =>
        new SoftwareApprovalsService(governance),
      inject: [GovernanceClient],
    },
  ],
})
export class SoftwareApprovalsModule {}
