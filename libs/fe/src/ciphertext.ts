import { decodeBase64Strict, encodeBase64 } from './base64';
import { CIPHERTEXT_BYTES } from './constants';
import { FeErrorCode, feError } from './fe-error';
import { RistrettoPoint } from './group';

/**
 * The group element of a ciphertext: base64 (standard, canonical) of exactly 32 bytes that are a canonical
 * ristretto255 encoding (RFC 9496 §4.3.1; noble refuses non-canonical and invalid encodings). Throws
 * FE_CIPHERTEXT_INVALID otherwise.
 */
export function parseCiphertext(text: string): RistrettoPoint {
  const bytes = decodeBase64Strict(text);
  if (bytes?.length !== CIPHERTEXT_BYTES) {
    throw feError(FeErrorCode.FE_CIPHERTEXT_INVALID, `a ciphertext is base64 of ${CIPHERTEXT_BYTES} bytes`);
  }
  try {
    return RistrettoPoint.fromBytes(bytes);
  } catch {
    throw feError(FeErrorCode.FE_CIPHERTEXT_INVALID, 'not a canonical ristretto255 encoding');
  }
}

/** Throws FE_CIPHERTEXT_INVALID unless `text` is base64 of a canonical ristretto255 encoding. */
export function assertCiphertext(text: string): void {
  parseCiphertext(text);
}

export function encodeCiphertext(point: RistrettoPoint): string {
  return encodeBase64(point.toBytes());
}
