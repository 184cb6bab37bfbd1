import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { PkiErrorCode, pkiError } from './pki-error';

const MAX_PEM_BYTES = 4096;
const P256 = 'prime256v1';
const PEM = /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// SPKI header of an uncompressed P-256 point (id-ecPublicKey, prime256v1, 66-byte BIT STRING), then 0x04 || x || y.
const P256_SPKI_HEADER = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
const COORDINATE_BYTES = 32;

/** A meter's ECDSA P-256 public key with its SPKI encoding and fingerprint. */
export interface MeterPublicKey {
  keyObject: KeyObject;
  /** SPKI DER with the point uncompressed, so one key has one encoding and one fingerprint. */
  spkiDer: Buffer;
  /** SHA-256 hex of `spkiDer`. */
  fingerprint: string;
  /** SPKI PEM of `spkiDer`. */
  pem: string;
}

/** Parses an SPKI PEM; anything but an EC key on P-256 is KEY_INVALID. */
export function parsePublicKey(pem: string): MeterPublicKey {
  const keyObject = readSpki(decodePem(pem));
  const curve = keyObject.asymmetricKeyDetails?.namedCurve;
  if (keyObject.asymmetricKeyType !== 'ec' || curve !== P256) {
    throw pkiError(PkiErrorCode.KEY_INVALID, 'the public key must be ECDSA on NIST P-256', {
      type: keyObject.asymmetricKeyType,
      curve,
    });
  }
  const spkiDer = uncompressedSpki(keyObject);
  const normalised = spkiDer.equals(keyObject.export({ format: 'der', type: 'spki' }))
    ? keyObject
    : readSpki(spkiDer);
  return {
    keyObject: normalised,
    spkiDer,
    fingerprint: fingerprintOfSpki(spkiDer),
    pem: normalised.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export function fingerprintOfSpki(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('hex');
}

/** SHA-256 hex of the key's SPKI DER: the key's identity on the ledger. */
export function keyFingerprint(key: MeterPublicKey | string): string {
  return typeof key === 'string' ? parsePublicKey(key).fingerprint : key.fingerprint;
}

function decodePem(pem: string): Buffer {
  const invalid = (message: string): never => {
    throw pkiError(PkiErrorCode.KEY_INVALID, message);
  };
  if (typeof pem !== 'string' || pem.length > MAX_PEM_BYTES || Buffer.byteLength(pem) > MAX_PEM_BYTES) {
    return invalid(`expected an SPKI PEM public key of at most ${MAX_PEM_BYTES} bytes`);
  }
  const body = PEM.exec(pem.trim())?.[1]?.replace(/\s+/g, '') ?? '';
  if (body.length % 4 !== 0 || !BASE64.test(body)) {
    return invalid('expected one SPKI PEM block (-----BEGIN PUBLIC KEY-----) with a base64 body');
  }
  const der = Buffer.from(body, 'base64');
  return isOneShortSequence(der) ? der : invalid('the PEM body is not a single DER SubjectPublicKeyInfo');
}

// OpenSSL ignores bytes after the SPKI SEQUENCE; refuse them so a key has one accepted encoding.
function isOneShortSequence(der: Buffer): boolean {
  const length = der[1];
  return der[0] === 0x30 && length !== undefined && length < 0x80 && length === der.length - 2;
}

function readSpki(der: Buffer): KeyObject {
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (cause) {
    throw pkiError(PkiErrorCode.KEY_INVALID, 'the PEM body is not a SubjectPublicKeyInfo', {
      cause: String(cause),
    });
  }
}

function uncompressedSpki(key: KeyObject): Buffer {
  const { x, y } = key.export({ format: 'jwk' });
  const xBytes = Buffer.from(x ?? '', 'base64url');
  const yBytes = Buffer.from(y ?? '', 'base64url');
  if (xBytes.length !== COORDINATE_BYTES || yBytes.length !== COORDINATE_BYTES) {
    throw pkiError(PkiErrorCode.KEY_INVALID, 'the P-256 point has malformed coordinates');
  }
  return Buffer.concat([P256_SPKI_HEADER, Buffer.from([0x04]), xBytes, yBytes]);
}
