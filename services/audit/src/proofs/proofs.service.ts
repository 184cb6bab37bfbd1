import {
  DashboardErrorCode,
  type ProofView,
  type VerificationRecordResponse,
  verificationRecordResponseSchema,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import type { RegistryClient } from '@metrochain/ledger';

export type AnchorRegistry = Pick<RegistryClient, 'getVerificationBatch'>;
export type FetchRecord = (verificationId: string) => Promise<Response>;

/**
 * What the proof checker needs: the verification service's record with its inclusion proof, and the Merkle root
 * the ledger holds for that batch (read here, not taken from the verification service's word).
 */
export class ProofsService {
  readonly #fetchRecord: FetchRecord;
  readonly #registry: AnchorRegistry;

  constructor(fetchRecord: FetchRecord, registry: AnchorRegistry) {
    this.#fetchRecord = fetchRecord;
    this.#registry = registry;
  }

  async proof(verificationId: string): Promise<ProofView> {
    const record = await this.#record(verificationId);
    const batch =
      record.anchor === null ? undefined : await this.#registry.getVerificationBatch(record.anchor.batchId);
    return {
      verificationId,
      record: record.record as unknown as Record<string, unknown>,
      leafHash: record.leafHash,
      proof: record.proof,
      anchor: record.anchor,
      ledgerAnchor:
        batch === undefined
          ? null
          : { batchId: batch.batchId, merkleRoot: batch.merkleRoot, size: batch.size, txId: batch.txId },
    };
  }

  async #record(verificationId: string): Promise<VerificationRecordResponse> {
    const response = await this.#fetchRecord(verificationId).catch((error: unknown) => {
      throw new DomainError({
        code: DashboardErrorCode.VERIFICATION_UNREACHABLE,
        message: 'the verification service is unreachable',
        cause: error,
      });
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 404 || response.status === 400) {
      throw new DomainError({
        code: DashboardErrorCode.VERIFICATION_UNKNOWN,
        message: `no verification ${verificationId}`,
      });
    }
    const parsed = verificationRecordResponseSchema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new DomainError({
        code: DashboardErrorCode.VERIFICATION_UNREACHABLE,
        message: `the verification service answered ${response.status}`,
      });
    }
    return parsed.data;
  }
}
