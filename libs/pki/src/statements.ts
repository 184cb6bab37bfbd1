import { canonicalJson } from './canonical-json';
import { z } from 'zod';
import { PkiErrorCode, pkiError } from './pki-error';

const meterId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'expected 1-128 characters of A-Z a-z 0-9 . _ : -');
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 fingerprint');
// 32 bytes leave 4 bits for the 43rd character; the class keeps one text per nonce (canonical base64url).
const nonce = z
  .string()
  .regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'expected 32 bytes in base64url without padding');
const mspId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected an MSP id');

export const attestationInputSchema = z
  .object({ meterId, keyFingerprint: fingerprint, attester: mspId, nonce })
  .strict();
export type AttestationInput = z.infer<typeof attestationInputSchema>;

export const rotationInputSchema = z
  .object({ meterId, oldKeyFingerprint: fingerprint, newKeyFingerprint: fingerprint, nonce })
  .strict();
export type RotationInput = z.infer<typeof rotationInputSchema>;

export const ATTESTATION_PURPOSE = 'metrochain/attest/v1';
export const ROTATION_PURPOSE = 'metrochain/rotate/v1';

function canonical<T>(schema: z.ZodType<T>, input: unknown, purpose: string): string {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw pkiError(PkiErrorCode.STATEMENT_INVALID, `invalid statement: ${issues.join('; ')}`, { issues });
  }
  return canonicalJson({ purpose, ...parsed.data });
}

/** The RFC 8785 text a meter signs to prove possession of its key to one attesting NMI. */
export function attestationStatement(input: AttestationInput): string {
  return canonical(attestationInputSchema, input, ATTESTATION_PURPOSE);
}

/** The RFC 8785 text both the old and the new key sign to rotate a meter's key. */
export function rotationStatement(input: RotationInput): string {
  return canonical(rotationInputSchema, input, ROTATION_PURPOSE);
}
