import type { MeterModelApproval } from '@metrochain/contracts';
import type { GovernanceClient } from '@metrochain/ledger';
import { isLedgerError } from '@metrochain/ledger';
import { RegistrationErrorCode, registrationError } from './registration-error';

export type ModelLedgerPort = Pick<GovernanceClient, 'getMeterModel'>;

/**
 * Which manufacturer a model is approved for, read from the governance contract. Approvals are never withdrawn,
 * so a positive answer is cached for the life of the process; an unknown model is asked again every time.
 */
export class ModelApprovals {
  readonly #ledger: ModelLedgerPort;
  readonly #approved = new Map<string, MeterModelApproval>();

  constructor(ledger: ModelLedgerPort) {
    this.#ledger = ledger;
  }

  /** MODEL_NOT_APPROVED (422) unless the model is approved, MODEL_NOT_YOURS (403) unless for this manufacturer. */
  async requireApproved(model: string, manufacturer: string): Promise<MeterModelApproval> {
    const approval = this.#approved.get(model) ?? (await this.#read(model));
    this.#approved.set(model, approval);
    if (approval.manufacturer !== manufacturer) {
      throw registrationError(
        RegistrationErrorCode.MODEL_NOT_YOURS,
        `model ${model} is approved for another manufacturer`,
      );
    }
    return approval;
  }

  async #read(model: string): Promise<MeterModelApproval> {
    try {
      return await this.#ledger.getMeterModel(model);
    } catch (error) {
      if (isLedgerError(error) && error.code === 'NOT_FOUND') {
        throw registrationError(
          RegistrationErrorCode.MODEL_NOT_APPROVED,
          `model ${model} is not approved on the ledger; an NMI operator approves models (POST /models)`,
        );
      }
      throw error;
    }
  }
}
