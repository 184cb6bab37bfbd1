import { createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import { PkiErrorCode, pkiError } from './pki-error';
import { parsePublicKey, type MeterPublicKey } from './public-key';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// A DER ECDSA-P256 signature is a SEQUENCE of two INTEGERs: 8 to 72 bytes.
const MIN_DER_LENGTH = 8;
const MAX_DER_LENGTH = 72;

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Decodes a standard-base64 DER signature; SIGNATURE_MALFORMED when it cannot be one. */
export function decodeSignature(signatureB64: string): Buffer {
  if (typeof signatureB64 !== 'string' || signatureB64.length % 4 !== 0 || !BASE64.test(signatureB64)) {
    throw pkiError(PkiErrorCode.SIGNATURE_MALFORMED, 'the signature must be DER in standard base64');
  }
  const der = Buffer.from(signatureB64, 'base64');
  if (
    der.length < MIN_DER_LENGTH ||
    der.length > MAX_DER_LENGTH ||
    der[0] !== 0x30 ||
    der[1] !== der.length - 2
  ) {
    throw pkiError(PkiErrorCode.SIGNATURE_MALFORMED, 'the signature is not a DER ECDSA signature', {
      length: der.length,
    });
  }
  return der;
}

/**
 * ECDSA-P256-SHA256 over the UTF-8 bytes of `data`, DER signature in standard base64: the format of the authors'
 * fabpki clients. High-S signatures verify, as in OpenSSL, because meters in the field produce them.
 */
export function verifySignature(
  key: MeterPublicKey | string,
  data: string | Uint8Array,
  signatureB64: string,
): boolean {
  const publicKey = typeof key === 'string' ? parsePublicKey(key) : key;
  const der = decodeSignature(signatureB64);
  try {
    return verify('sha256', toBytes(data), { key: publicKey.keyObject, dsaEncoding: 'der' }, der);
  } catch {
    throw pkiError(PkiErrorCode.SIGNATURE_MALFORMED, 'the signature is not a DER ECDSA signature');
  }
}

/** Signs as a meter does (tests, the CLI and the fleet simulator). */
export function signData(privateKey: KeyObject | string, data: string | Uint8Array): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return sign('sha256', toBytes(data), { key, dsaEncoding: 'der' }).toString('base64');
}
