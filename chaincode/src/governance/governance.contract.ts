import { GOVERNANCE_CONTRACT, type GovernanceTransactions } from '@metrochain/contracts';
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireRole } from '../common/access-control';
import { toCanonicalJson } from '../common/state';
import { CHAINCODE_VERSION } from './chaincode-version';
import {
  MODEL_APPROVER_ROLE,
  approveMeterModel,
  getMeterModel,
  parseMeterModel,
  parseMeterModelApprovalRequest,
} from './meter-model-approval';
import {
  approveSoftware,
  getSoftwareApproval,
  listLrApprovals,
  listSoftwareApprovals,
  parseMeterKindFilter,
  parseSoftwareApprovalRequest,
  parseSoftwareVersion,
  parseSoftwareWithdrawalRequest,
  SOFTWARE_APPROVER_ROLE,
  withdrawSoftware,
} from './software-approval';

type GovernanceTransactionName = (typeof GovernanceTransactions)[keyof typeof GovernanceTransactions];
/** Makes the compiler fail when the contract library names a transaction this class does not implement. */
type GovernanceTransactionMethods = Record<
  GovernanceTransactionName,
  (ctx: Context, ...args: string[]) => Promise<string>
>;

// `Context` is imported as a value: fabric-contract-api recognises the context parameter by its emitted design type.
@Info({
  title: GOVERNANCE_CONTRACT,
  description: 'Chaincode identity, LR software approved per meter kind, and meter models',
})
export class GovernanceContract extends Contract implements GovernanceTransactionMethods {
  constructor() {
    super(GOVERNANCE_CONTRACT);
  }

  @Transaction(false)
  @Returns('string')
  getVersion(): Promise<string> {
    return Promise.resolve(toCanonicalJson(CHAINCODE_VERSION));
  }

  @Transaction()
  @Returns('string')
  async approveSoftwareVersion(ctx: Context, requestJson: string): Promise<string> {
    const approvedBy = requireRole(ctx, SOFTWARE_APPROVER_ROLE);
    return approveSoftware(ctx, parseSoftwareApprovalRequest(requestJson), approvedBy);
  }

  @Transaction(false)
  @Returns('string')
  async getApprovedSoftware(ctx: Context, version: string): Promise<string> {
    return toCanonicalJson(await getSoftwareApproval(ctx, parseSoftwareVersion(version)));
  }

  @Transaction(false)
  @Returns('string')
  async listApprovedSoftware(ctx: Context): Promise<string> {
    return toCanonicalJson(await listSoftwareApprovals(ctx));
  }

  @Transaction()
  @Returns('string')
  async withdrawSoftwareApproval(ctx: Context, requestJson: string): Promise<string> {
    const withdrawnBy = requireRole(ctx, SOFTWARE_APPROVER_ROLE);
    return withdrawSoftware(ctx, parseSoftwareWithdrawalRequest(requestJson), withdrawnBy);
  }

  /** The per-kind approvals of `meterKind` ('' for every kind), withdrawn ones included. */
  @Transaction(false)
  @Returns('string')
  async listSoftwareApprovals(ctx: Context, meterKind: string): Promise<string> {
    return toCanonicalJson(await listLrApprovals(ctx, parseMeterKindFilter(meterKind)));
  }

  @Transaction()
  @Returns('string')
  async approveMeterModel(ctx: Context, requestJson: string): Promise<string> {
    const approvedBy = requireRole(ctx, MODEL_APPROVER_ROLE);
    return approveMeterModel(ctx, parseMeterModelApprovalRequest(requestJson), approvedBy);
  }

  @Transaction(false)
  @Returns('string')
  async getMeterModel(ctx: Context, model: string): Promise<string> {
    return toCanonicalJson(await getMeterModel(ctx, parseMeterModel(model)));
  }
}
