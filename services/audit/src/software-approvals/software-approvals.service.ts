import type {
  LrApproval,
  Principal,
  SoftwareApprovalBody,
  SoftwareApprovalResponse,
  SoftwareMeterKind,
  SoftwareWithdrawalResponse,
} from '@metrochain/contracts';
import type { GovernanceClient } from '@metrochain/ledger';
import { softwareWithdrawalResponseSchema } from '@metrochain/contracts';

export type SoftwareGovernance = Pick<
  GovernanceClient,
  'approveSoftwareVersion' | 'withdrawSoftwareApproval' | 'listSoftwareApprovals'
>;

/**
 * Notified bodies approve and withdraw LR software through the audit service: the ledger transaction is signed by
 * the service's identity (role auditor) and names the authenticated principal as the notified body. The measurement
 * contract records a reading only while the running build is approved for its kind.
 */
export class SoftwareApprovalsService {
  readonly #governance: SoftwareGovernance;

  constructor(governance: SoftwareGovernance) {
    this.#governance = governance;
  }

  async approve(body: SoftwareApprovalBody, notifiedBody: Principal): Promise<SoftwareApprovalResponse> {
    const committed = await this.#governance.approveSoftwareVersion({
      ...body,
      notifiedBody: notifiedBody.name,
    });
    return {
      software: committed.software,
      approvals: committed.approvals,
      transactionId: committed.transactionId,
    };
  }

  async withdraw(
    fingerprint: string,
    meterKind: SoftwareMeterKind,
    reason: string,
  ): Promise<SoftwareWithdrawalResponse> {
    const withdrawn = await this.#governance.withdrawSoftwareApproval({ fingerprint, meterKind, reason });
    return softwareWithdrawalResponseSchema.parse(withdrawn);
  }

  list(meterKind: SoftwareMeterKind | undefined): Promise<LrApproval[]> {
    return this.#governance.listSoftwareApprovals(meterKind);
  }
}
