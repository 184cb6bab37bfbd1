import { PkiErrorCode, pkiError } from './pki-error';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// SEQUENCE { INTEGER r, INTEGER s } with r, s < 2^256: at most 2 + 2 × (2 + 33) bytes.
const MAX_DER_BYTES = 72;
const MAX_INTEGER_BYTES = 33;
const SEQUENCE = 0x30;
const INTEGER = 0x02;

declare const checkedDer: unique symbol;
/** DER bytes of an ECDSA signature that `decodeSignature` checked; nothing else makes one. */
export type DerSignature = Buffer & { readonly [checkedDer]: true };

/**
 * Decodes a standard-base64 DER ECDSA signature, checking the DER strictly (as OpenSSL does when it verifies) so
 * that a signature which cannot be one is SIGNATURE_MALFORMED rather than merely not verifying.
 */
export function decodeSignature(signatureB64: string): DerSignature {
  if (
    typeof signatureB64 !== 'string' ||
    signatureB64.length > MAX_DER_BYTES * 2 ||
    signatureB64.length % 4 !== 0 ||
    !BASE64.test(signatureB64)
  ) {
    throw pkiError(PkiErrorCode.SIGNATURE_MALFORMED, 'the signature must be DER in standard base64');
  }
  const der = Buffer.from(signatureB64, 'base64');
  if (!isStrictEcdsaDer(der)) {
    throw pkiError(PkiErrorCode.SIGNATURE_MALFORMED, 'the signature is not a DER ECDSA signature', {
      length: der.length,
    });
  }
  return der as DerSignature;
}

function isStrictEcdsaDer(der: Buffer): boolean {
  if (der.length > MAX_DER_BYTES || der[0] !== SEQUENCE || der[1] !== der.length - 2) {
    return false;
  }
  const afterR = endOfInteger(der, 2);
  const afterS = afterR === undefined ? undefined : endOfInteger(der, afterR);
  return afterS === der.length;
}

/** Offset just past a minimally encoded non-negative INTEGER starting at `offset`, or undefined. */
function endOfInteger(der: Buffer, offset: number): number | undefined {
  const length = der[offset + 1];
  if (der[offset] !== INTEGER || length === undefined || length < 1 || length > MAX_INTEGER_BYTES) {
    return undefined;
  }
  const end = offset + 2 + length;
  const first = der[offset + 2] ?? 0;
  const second = der[offset + 3] ?? 0;
  const negative = first >= 0x80;
  const padded = length > 1 && first === 0x00 && second < 0x80;
  return end > der.length || negative || padded ? undefined : end;
}
