import type { Contract } from '@hyperledger/fabric-gateway';
import {
  type ChaincodeVersion,
  GOVERNANCE_CONTRACT,
  type MeterModelApproval,
  type MeterModelApprovalRequest,
  meterModelApprovalRequestSchema,
  meterModelApprovalSchema,
  GovernanceTransactions,
  type LrApproval,
  type SoftwareApproval,
  type SoftwareApprovalRequest,
  type SoftwareApprovalResult,
  type SoftwareMeterKind,
  type SoftwareWithdrawalRequest,
  chaincodeVersionSchema,
  lrApprovalSchema,
  softwareApprovalRequestSchema,
  softwareApprovalResultSchema,
  softwareApprovalSchema,
  softwareMeterKindSchema,
  softwareWithdrawalRequestSchema,
} from '@metrochain/contracts';
import type { z } from 'zod';
import { decodeJson, validateRequest } from './decode-result';
import type { LedgerConnection } from './connect-ledger';
import { type CommittedTransaction, evaluateTransaction, submitTransaction } from './ledger-transaction';

export type GovernanceContract = Pick<Contract, 'evaluateTransaction' | 'submitAsync'>;

const approvalListSchema = softwareApprovalSchema.array();
const lrApprovalListSchema = lrApprovalSchema.array();
const versionSchema = softwareApprovalRequestSchema.shape.version;

/** Typed client of the governance contract; every failure is a LedgerError with the chaincode's or a transport code. */
export class GovernanceClient {
  readonly #contract: GovernanceContract;

  constructor(contract: GovernanceContract) {
    this.#contract = contract;
  }

  static forConnection(connection: Pick<LedgerConnection, 'contract'>): GovernanceClient {
    return new GovernanceClient(connection.contract(GOVERNANCE_CONTRACT));
  }

  /** The running chaincode's version and the fingerprint of the LR software it bundles. */
  async getVersion(): Promise<ChaincodeVersion> {
    return this.#evaluate(GovernanceTransactions.getVersion, [], chaincodeVersionSchema);
  }

  /**
   * Records a notified body's approval of one build for meter kinds (auditor identities only); resolves once
   * committed with the version record and the per-kind approvals.
   */
  async approveSoftwareVersion(
    request: SoftwareApprovalRequest,
  ): Promise<SoftwareApprovalResult & CommittedTransaction> {
    const valid = validateRequest(softwareApprovalRequestSchema, request);
    const name = GovernanceTransactions.approveSoftwareVersion;
    const submitted = await submitTransaction(this.#contract, name, [JSON.stringify(valid)]);
    const result = decodeJson(
      submitted.result,
      softwareApprovalResultSchema,
      `${GOVERNANCE_CONTRACT}.${name} result`,
    );
    return { ...result, transactionId: submitted.transactionId, blockNumber: submitted.blockNumber };
  }

  /** Withdraws the approval of one fingerprint for one kind (auditor identities only); resolves once committed. */
  async withdrawSoftwareApproval(
    request: SoftwareWithdrawalRequest,
  ): Promise<LrApproval & CommittedTransaction> {
    const valid = validateRequest(softwareWithdrawalRequestSchema, request);
    const name = GovernanceTransactions.withdrawSoftwareApproval;
    const submitted = await submitTransaction(this.#contract, name, [JSON.stringify(valid)]);
    const withdrawn = decodeJson(submitted.result, lrApprovalSchema, `${GOVERNANCE_CONTRACT}.${name} result`);
    return { ...withdrawn, transactionId: submitted.transactionId, blockNumber: submitted.blockNumber };
  }

  /** The per-kind approvals, withdrawn ones included, of one meter kind or of all. */
  async listSoftwareApprovals(meterKind?: SoftwareMeterKind): Promise<LrApproval[]> {
    const filter = meterKind === undefined ? '' : validateRequest(softwareMeterKindSchema, meterKind);
    return this.#evaluate(GovernanceTransactions.listSoftwareApprovals, [filter], lrApprovalListSchema);
  }

  /** One approval; fails with NOT_FOUND when the version was never approved. */
  async getApprovedSoftware(version: string): Promise<SoftwareApproval> {
    const valid = validateRequest(versionSchema, version);
    return this.#evaluate(GovernanceTransactions.getApprovedSoftware, [valid], softwareApprovalSchema);
  }

  async listApprovedSoftware(): Promise<SoftwareApproval[]> {
    return this.#evaluate(GovernanceTransactions.listApprovedSoftware, [], approvalListSchema);
  }

  /** Approves a meter model for one manufacturer (registrar identities only); resolves once committed. */
  async approveMeterModel(
    request: MeterModelApprovalRequest,
  ): Promise<MeterModelApproval & CommittedTransaction> {
    const valid = validateRequest(meterModelApprovalRequestSchema, request);
    const name = GovernanceTransactions.approveMeterModel;
    const submitted = await submitTransaction(this.#contract, name, [JSON.stringify(valid)]);
    const approval = decodeJson(
      submitted.result,
      meterModelApprovalSchema,
      `${GOVERNANCE_CONTRACT}.${name} result`,
    );
    return { ...approval, transactionId: submitted.transactionId, blockNumber: submitted.blockNumber };
  }

  /** The approval of one model; fails with NOT_FOUND when the model is not approved. */
  async getMeterModel(model: string): Promise<MeterModelApproval> {
    const valid = validateRequest(meterModelApprovalRequestSchema.shape.model, model);
    return this.#evaluate(GovernanceTransactions.getMeterModel, [valid], meterModelApprovalSchema);
  }

  async #evaluate<Schema extends z.ZodTypeAny>(
    name: string,
    args: readonly string[],
    schema: Schema,
  ): Promise<z.output<Schema>> {
    const result = await evaluateTransaction(this.#contract, name, args);
    return decodeJson(result, schema, `${GOVERNANCE_CONTRACT}.${name} result`);
  }
}

// Checked here as well as in the chaincode so that a bad request fails without a round trip, with the same code.
