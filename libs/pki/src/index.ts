export { PkiErrorCode, pkiError } from './pki-error';
export { fingerprintOfSpki, keyFingerprint, parsePublicKey, type MeterPublicKey } from './public-key';
export { type DerSignature, decodeSignature } from './signature-encoding';
export { signData, verifySignature } from './signature';
export {
  ATTESTATION_PURPOSE,
  ROTATION_PURPOSE,
  attestationInputSchema,
  attestationStatement,
  rotationInputSchema,
  rotationStatement,
  type AttestationInput,
  type RotationInput,
} from './statements';
export { expectAttestationStatement, expectRotationStatement } from './expected-statement';
export { newNonce } from './nonce';
export { inclusionProof, leafHash, merkleRoot, verifyInclusion, type InclusionProof } from './merkle';
export { keyAt, statusAt, type MeterTimeline, type TimedKey, type TimelineStatus } from './meter-timeline';
export { canonicalJson } from './canonical-json';
