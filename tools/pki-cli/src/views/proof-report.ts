import {
  verificationLeafBytes,
  verificationLeafJson,
  type VerificationRecordResponse,
} from '@metrochain/contracts';
import { leafHash, verifyInclusion } from '@metrochain/pki';

export interface ProofReport extends VerificationRecordResponse {
  /** Whether the service's `leafHash` is the hash of the record it returned. */
  leafHashMatches: boolean;
  /** Whether the inclusion proof puts the record into the anchored Merkle root; false while not anchored. */
  proofVerified: boolean;
}

/**
 * Checks a verification record's RFC 6962 inclusion proof locally: the leaf is computed by libs/contracts exactly as
 * the verification log computes it, the root is the one anchored for its batch.
 */
export function proofReport(response: VerificationRecordResponse): ProofReport {
  const leaf = verificationLeafBytes(verificationLeafJson(response.record));
  const { anchor, proof } = response;
  return {
    ...response,
    leafHashMatches: leafHash(leaf).toString('hex') === response.leafHash,
    proofVerified: anchor !== null && proof !== null && verifyInclusion(leaf, proof, anchor.merkleRoot),
  };
}
