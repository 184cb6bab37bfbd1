import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  AuditReexecutionErrorCode,
  REGISTRY_CONTRACT,
  RegistryTransactions,
  type VerificationLogCheck,
  verificationBatchSchema,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { DecodedBlock } from '@metrochain/ledger';
import type { BlockHandler } from '../block-feed/block-handler';
import type { FindingsService } from '../findings/findings.service';
import { type CompletenessResult, type LedgerAnchor, checkCompleteness } from './verification-log-checker';
import type { VerificationLogClient } from './verification-log-client';

const ANCHOR = `${REGISTRY_CONTRACT}:${RegistryTransactions.anchorVerificationBatch}`;

export interface VerificationLogServiceOptions {
  client: Pick<VerificationLogClient, 'batch'>;
  findings: Pick<FindingsService, 'report'>;
  /** The anchor on the ledger, for checks an auditor asks for. */
  anchorOf: (batchId: string) => Promise<LedgerAnchor>;
  /** The network chaincode: anchors of other chaincode names are not the verification service's. */
  chaincode: string;
  /** Pause between seeing an anchor in a block and checking (the log stores its anchor after the commit). */
  delayMs?: number;
  keep?: number;
  /**
   * Pauses before reading a batch again while its records come without proofs only. The log stores its anchor after
   * the commit and retries that through faults; the fault runner (docs/faults.md) saw a finding for a batch whose
   * anchor the log stored moments later, after a Kafka broker restart.
   */
  unanchoredRetriesMs?: readonly number[];
  onError?: (error: unknown) => void;
}

const UNANCHORED_RETRIES_MS = [5_000, 10_000, 20_000, 40_000, 80_000];

/**
 * Verification-log completeness: each batch anchored on the ledger (seen in the blocks, or named by an auditor) is
 * read back from the verification service and checked; a batch the log does not serve exactly is a finding.
 */
export class VerificationLogService implements BlockHandler {
  readonly name = 'verification-log';
  readonly #options: VerificationLogServiceOptions;
  readonly #checks = new Map<string, VerificationLogCheck>();

  constructor(options: VerificationLogServiceOptions) {
    this.#options = options;
  }

  handleBlock(block: Readonly<DecodedBlock>): Promise<void> {
    for (const tx of block.transactions) {
      if (
        tx.validationCode !== 'VALID' ||
        tx.function !== ANCHOR ||
        tx.chaincode !== this.#options.chaincode
      ) {
        continue;
      }
      const anchor = verificationBatchSchema.safeParse(parseJson(tx.responsePayload));
      if (anchor.success) {
        const check = this.#newCheck(anchor.data.batchId);
        setTimeout(
          () => void this.#run(check, () => Promise.resolve(anchor.data)),
          this.#options.delayMs ?? 3000,
        );
      }
    }
    return Promise.resolve();
  }

  /** An auditor's check of one batch: runs in the background, GET the result. */
  start(batchId: string): VerificationLogCheck {
    const check = this.#newCheck(batchId);
    void this.#run(check, () => this.#options.anchorOf(batchId));
    return { ...check };
  }

  get(checkId: string): VerificationLogCheck {
    const check = this.#checks.get(checkId);
    if (check === undefined) {
      throw new DomainError({
        code: AuditReexecutionErrorCode.VERIFICATION_CHECK_UNKNOWN,
        message: `no verification-log check ${checkId} (or it is no longer kept)`,
        details: { checkId },
      });
    }
    return { ...check, problems: [...check.problems] };
  }

  #newCheck(batchId: string): VerificationLogCheck {
    const check: VerificationLogCheck = {
      checkId: randomUUID(),
      batchId,
      status: 'running',
      recordsFound: 0,
      proofsVerified: 0,
      problems: [],
      startedAt: new Date().toISOString(),
    };
    this.#checks.set(check.checkId, check);
    for (const checkId of this.#checks.keys()) {
      if (this.#checks.size <= (this.#options.keep ?? 1000)) {
        break;
      }
      this.#checks.delete(checkId);
    }
    return check;
  }

  #checkUntilAnchored(batchId: string, anchor: Readonly<LedgerAnchor>): Promise<CompletenessResult> {
    return recheckWhileUnanchored(
      async () => checkCompleteness(anchor, await this.#options.client.batch(batchId)),
      this.#options.unanchoredRetriesMs ?? UNANCHORED_RETRIES_MS,
    );
  }

  async #run(check: VerificationLogCheck, anchorOf: () => Promise<LedgerAnchor>): Promise<void> {
    try {
      const anchor = await anchorOf();
      Object.assign(check, {
        anchoredRoot: anchor.merkleRoot,
        anchoredSize: anchor.size,
        anchorTxId: anchor.txId,
      });
      const { recordsFound, proofsVerified, problems } = await this.#checkUntilAnchored(
        check.batchId,
        anchor,
      );
      const result = { recordsFound, proofsVerified, problems };
      Object.assign(check, result, { status: result.problems.length === 0 ? 'passed' : 'failed' });
      if (result.problems.length > 0) {
        const finding = await this.#options.findings.report({
          subject: `batch:${check.batchId}`,
          category: 'verification-log',
          severity: 'critical',
          summary: `the verification log does not serve anchored batch ${check.batchId} exactly: ${result.problems[0] ?? ''}`,
          evidence: { ...anchor, recordsFound: result.recordsFound, problems: result.problems.slice(0, 20) },
        });
        check.findingId = finding?.findingId;
      }
    } catch (error) {
      check.status = 'error';
      check.problems.push(String(error));
      this.#options.onError?.(error);
    }
    check.finishedAt = new Date().toISOString();
  }
}

/** The check, read again while the only problems are records the log has not stored its anchor for. */
async function recheckWhileUnanchored(
  read: () => Promise<CompletenessResult>,
  waits: readonly number[],
): Promise<CompletenessResult> {
  let result = await read();
  for (const wait of waits) {
    if (result.unanchored === 0 || result.problems.length !== result.unanchored) {
      break;
    }
    await delay(wait);
    result = await read();
  }
  return result;
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  try {
    return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}
