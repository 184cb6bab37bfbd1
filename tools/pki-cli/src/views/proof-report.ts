import type { VerificationRecordResponse } from '@metrochain/contracts';
import { leafHash, verifyInclusion } from '@metrochain/pki';
import canonicalize from 'canonicalize';

export interface ProofReport extends VerificationRecordResponse {
  /** Whether the service's `leafHash` is the hash of the record it returned. */
  leafHashMatches: boolean;
  /** Whether the inclusion proof puts the record into the anchored Merkle root; false while not anchored. */
  proofVerified: boolean;
}

/**
 * Checks a verification record's RFC 6962 inclusion proof locally: the leaf is the record's RFC 8785 canonical
 * JSON (the canonicaliser libs/pki and the verification log use), the root the one anchored for its batch.
 */
export function proofReport(response: VerificationRecordResponse): ProofReport {
  const leaf = Buffer.from(canonicalize(response.record) ?? '', 'utf8');
  const { anchor, proof } = response;
  return {
    ...response,
    leafHashMatches: leafHash(leaf).toString('hex') === response.leafHash,
    proofVerified: anchor !== null && proof !== null && verifyInclusion(leaf, proof, anchor.merkleRoot),
  };
}
