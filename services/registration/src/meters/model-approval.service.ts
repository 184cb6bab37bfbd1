import {
  type CommittedModelApproval,
  type MeterModelApproval,
  meterModelSchema,
  modelApprovalInputSchema,
} from '@metrochain/contracts';
import type { GovernanceClient } from '@metrochain/ledger';
import { parseRequest } from './parse-request';

/** Type approval of meter models, written with this NMI's registrar identity to the governance contract. */
export class ModelApprovalService {
  readonly #governance: Pick<GovernanceClient, 'approveMeterModel' | 'getMeterModel'>;

  constructor(governance: Pick<GovernanceClient, 'approveMeterModel' | 'getMeterModel'>) {
    this.#governance = governance;
  }

  /** ALREADY_EXISTS (409) when the model is approved for another manufacturer. */
  async approve(body: unknown, operator: string): Promise<CommittedModelApproval> {
    const input = parseRequest(modelApprovalInputSchema, body);
    const approved = await this.#governance.approveMeterModel({ ...input, operator });
    return { ...approved, blockNumber: approved.blockNumber.toString() };
  }

  /** REQUEST_INVALID for a malformed name, NOT_FOUND (404) when the model is not approved. */
  get(model: string): Promise<MeterModelApproval> {
    return this.#governance.getMeterModel(parseRequest(meterModelSchema, model));
  }
}
