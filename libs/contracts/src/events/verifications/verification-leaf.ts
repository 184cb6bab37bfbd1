import { canonicalJson } from '../../encoding/canonical-json';
import type { VerificationRecord } from './verifications.v1';

// One definition of the leaf for the log that builds the tree (services/verification) and for whoever checks an
// inclusion proof (tools/pki-cli): two encoders would drift apart, and a proof would then fail for a valid record.

/** The text of a record's leaf in the verification log: the record's RFC 8785 canonical JSON. */
export function verificationLeafJson(record: VerificationRecord): string {
  return canonicalJson(record);
}

/** The bytes of the leaf (libs/pki's Merkle functions hash them as RFC 6962 leaves). */
export function verificationLeafBytes(leafJson: string): Buffer {
  return Buffer.from(leafJson, 'utf8');
}
