import type { VerificationBatchResponse } from '@metrochain/contracts';
import { BatchTree } from './batch-tree';
import type { LogStore } from './log-ports';

/** A batch as stored: its records in index order, each with its proof in the current tree, and the anchor. */
export class VerificationBatchReader {
  readonly #store: Pick<LogStore, 'readBatch' | 'readAnchor'>;

  constructor(store: Pick<LogStore, 'readBatch' | 'readAnchor'>) {
    this.#store = store;
  }

  async read(batchId: string): Promise<VerificationBatchResponse> {
    const [stored, anchor] = await Promise.all([
      this.#store.readBatch(batchId),
      this.#store.readAnchor(batchId),
    ]);
    const tree = new BatchTree(stored);
    const indices = [...stored.keys()].sort((a, b) => a - b);
    const records = BatchTree.parseRecords(stored).map((logged, rank) => {
      const index = indices[rank] ?? rank;
      return {
        index,
        record: logged.record,
        proof: anchor === undefined ? null : (tree.proofOf(index)?.proof ?? null),
      };
    });
    return { batchId, anchor: anchor ?? null, records };
  }
}
