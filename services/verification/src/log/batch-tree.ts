import { verificationLeafBytes, verificationsV1ValueSchema } from '@metrochain/contracts';
import { type InclusionProof, inclusionProof, leafHash, merkleRoot } from '@metrochain/pki';
import type { LoggedRecord } from './log-ports';

/**
 * A batch's leaves in index order. Indices whose write failed are absent (the caller got an error and no id), so a
 * record's position in the tree is its rank among the stored indices, not necessarily its index.
 */
export class BatchTree {
  readonly #indices: number[];
  readonly #leaves: Buffer[];

  constructor(records: ReadonlyMap<number, string>) {
    this.#indices = [...records.keys()].sort((a, b) => a - b);
    this.#leaves = this.#indices.map((index) => verificationLeafBytes(records.get(index) ?? ''));
  }

  get size(): number {
    return this.#leaves.length;
  }

  root(): string {
    return merkleRoot(this.#leaves);
  }

  /** Leaf hash and inclusion proof of the record stored at `index`, or undefined when none is. */
  proofOf(index: number): { leafHash: string; proof: InclusionProof } | undefined {
    const position = this.#indices.indexOf(index);
    const leaf = this.#leaves[position];
    if (leaf === undefined) {
      return undefined;
    }
    return { leafHash: leafHash(leaf).toString('hex'), proof: inclusionProof(this.#leaves, position) };
  }

  /** Records read back from the store, in index order, each checked against the contract. */
  static parseRecords(records: ReadonlyMap<number, string>): LoggedRecord[] {
    return [...records.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, json]) => ({
        record: verificationsV1ValueSchema.parse(JSON.parse(json)),
        canonicalJson: json,
      }));
  }

  /** The root over records already in rank order, e.g. a batch whose every write succeeded, in index order. */
  static rootOf(records: readonly LoggedRecord[]): string {
    return merkleRoot(records.map((logged) => verificationLeafBytes(logged.canonicalJson)));
  }
}
