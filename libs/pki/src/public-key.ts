import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { PkiErrorCode, pkiError } from './pki-error';

const MAX_PEM_LENGTH = 4096;
const P256 = 'prime256v1';

/** A meter's ECDSA P-256 public key with its SPKI encoding and fingerprint. */
export interface MeterPublicKey {
  keyObject: KeyObject;
  spkiDer: Buffer;
  /** SHA-256 hex of the SPKI DER. */
  fingerprint: string;
  pem: string;
}

/** Parses an SPKI PEM; anything but an EC key on P-256 is KEY_INVALID. */
export function parsePublicKey(pem: string): MeterPublicKey {
  if (typeof pem !== 'string' || pem.length > MAX_PEM_LENGTH || !pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw pkiError(PkiErrorCode.KEY_INVALID, 'expected an SPKI PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPublicKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw pkiError(PkiErrorCode.KEY_INVALID, 'the public key PEM does not parse', { cause: String(cause) });
  }
  const curve = keyObject.asymmetricKeyDetails?.namedCurve;
  if (keyObject.asymmetricKeyType !== 'ec' || curve !== P256) {
    throw pkiError(PkiErrorCode.KEY_INVALID, 'the public key must be ECDSA on NIST P-256', {
      type: keyObject.asymmetricKeyType,
      curve,
    });
  }
  const spkiDer = keyObject.export({ format: 'der', type: 'spki' });
  return {
    keyObject,
    spkiDer,
    fingerprint: fingerprintOfSpki(spkiDer),
    pem: keyObject.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export function fingerprintOfSpki(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('hex');
}

/** SHA-256 hex of the key's SPKI DER: the key's identity on the ledger. */
export function keyFingerprint(key: MeterPublicKey | string): string {
  return typeof key === 'string' ? parsePublicKey(key).fingerprint : key.fingerprint;
}
