import { type VerificationBatchResponse, canonicalJson, verificationLeafBytes } from '@metrochain/contracts';
import { merkleRoot, verifyInclusion } from '@metrochain/pki';

/** A batch anchor as the ledger holds it. */
export interface LedgerAnchor {
  batchId: string;
  merkleRoot: string;
  size: number;
  txId: string;
}

export interface CompletenessResult {
  recordsFound: number;
  proofsVerified: number;
  /** Served records without a proof: the log has not stored its anchor (yet). */
  unanchored: number;
  /** Empty when the log serves exactly the anchored batch. */
  problems: string[];
}

/**
 * Whether the verification service serves exactly what the ledger anchored (docs/plan-audit.md §6): as many records
 * as the anchored size, a Merkle root over their canonical JSON (RFC 6962 leaves, as the log builds them) equal to
 * the anchored root, and each served inclusion proof leading to that root.
 */
export function checkCompleteness(
  anchor: Readonly<LedgerAnchor>,
  served: Readonly<VerificationBatchResponse>,
): CompletenessResult {
  const problems: string[] = [];
  const leaves = served.records.map(({ record }) => verificationLeafBytes(canonicalJson(record)));
  if (served.records.length !== anchor.size) {
    problems.push(
      `the log serves ${String(served.records.length)} records, the ledger anchored ${String(anchor.size)}`,
    );
  }
  const root = leaves.length === 0 ? undefined : merkleRoot(leaves);
  if (root !== anchor.merkleRoot) {
    problems.push(
      `the served records root to ${root ?? 'nothing'}, the ledger anchored ${anchor.merkleRoot}`,
    );
  }
  let proofsVerified = 0;
  let unanchored = 0;
  served.records.forEach(({ index, proof }, rank) => {
    const leaf = leaves[rank];
    if (proof === null || leaf === undefined) {
      unanchored += 1;
      problems.push(`record ${String(index)} comes without an inclusion proof`);
    } else if (verifyInclusion(leaf, proof, anchor.merkleRoot)) {
      proofsVerified += 1;
    } else {
      problems.push(`the inclusion proof of record ${String(index)} does not lead to the anchored root`);
    }
  });
  return { recordsFound: served.records.length, proofsVerified, unanchored, problems };
}
