import type { RegistryClient } from '@metrochain/ledger';
import type { BatchAnchor, BatchAnchorer } from './log-ports';

/** Anchors through the registry contract with the service's own (verifier) identity. */
export class LedgerAnchorer implements BatchAnchorer {
  readonly #registry: Pick<RegistryClient, 'anchorVerificationBatch'>;

  constructor(registry: Pick<RegistryClient, 'anchorVerificationBatch'>) {
    this.#registry = registry;
  }

  async anchor(
    request: Readonly<{ batchId: string; merkleRoot: string; size: number }>,
  ): Promise<BatchAnchor> {
    const batch = await this.#registry.anchorVerificationBatch({ ...request });
    return {
      batchId: batch.batchId,
      merkleRoot: batch.merkleRoot,
      size: batch.size,
      txId: batch.txId,
      anchoredAt: batch.anchoredAt,
    };
  }
}
