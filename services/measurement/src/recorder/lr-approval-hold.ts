import { isLedgerError } from '@metrochain/ledger';
import type { Degradation } from '@metrochain/service-kit';

/** The wait between two submissions of a batch the contract refused with LR_NOT_APPROVED. */
export const LR_HOLD_RETRY_MS = 5_000;

/**
 * The recorder's state while the measurement contract refuses batches with LR_NOT_APPROVED: the running LR build is
 * not approved (or its approval was withdrawn) for a kind of the batch. The recorder then holds the partition —
 * it neither rejects the readings nor commits their offsets, and submits again every LR_HOLD_RETRY_MS — so no
 * legitimate reading is lost while an approval is pending. Readiness reports `degraded` meanwhile.
 */
export class LrApprovalHold {
  readonly #now: () => number;
  readonly #retryMs: number;
  #since: number | undefined;
  #detail = '';
  #refusals = 0;

  constructor(options: Readonly<{ retryMs?: number; now?: () => number }> = {}) {
    this.#now = options.now ?? Date.now;
    this.#retryMs = options.retryMs ?? LR_HOLD_RETRY_MS;
  }

  static isRefusal(error: unknown): boolean {
    return isLedgerError(error) && error.code === 'LR_NOT_APPROVED';
  }

  /** The wait after a failed submission: LR_HOLD_RETRY_MS for a refusal (counted), undefined for other errors. */
  delayAfter(error: unknown): number | undefined {
    if (!LrApprovalHold.isRefusal(error)) {
      return undefined;
    }
    this.#refusals += 1;
    this.#since ??= this.#now();
    this.#detail = error instanceof Error ? error.message : String(error);
    return this.#retryMs;
  }

  /** A batch went through: the hold is over. */
  released(): void {
    this.#since = undefined;
  }

  /** Refusals since the service started (metrochain_measurement_lr_not_approved_total on /metrics). */
  get refusals(): number {
    return this.#refusals;
  }

  degradation(): Degradation | undefined {
    if (this.#since === undefined) {
      return undefined;
    }
    return {
      name: 'recorder',
      detail: `holding batches since ${new Date(this.#since).toISOString()} (${String(this.#refusals)} refusals): ${this.#detail}`,
    };
  }
}
