import { type ChaincodeErrorCode } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import {
  type AttestationInput,
  type MeterPublicKey,
  PkiErrorCode,
  type RotationInput,
  attestationStatement,
  parsePublicKey,
  rotationStatement,
  verifySignature,
} from '@metrochain/pki';
import { ChaincodeError } from '../common/chaincode-error';

export type { MeterPublicKey } from '@metrochain/pki';

// Every PKI failure reaches the client as a chaincode code; the compiler insists on a mapping for each new PKI code.
const CHAINCODE_CODE_OF: Readonly<Record<PkiErrorCode, ChaincodeErrorCode>> = {
  [PkiErrorCode.KEY_INVALID]: 'KEY_INVALID',
  [PkiErrorCode.SIGNATURE_MALFORMED]: 'SIGNATURE_MALFORMED',
  [PkiErrorCode.STATEMENT_INVALID]: 'INVALID_ARGUMENT',
  [PkiErrorCode.MERKLE_INVALID]: 'INVALID_ARGUMENT',
  // Raised only by signers checking a statement before they sign; the chaincode never signs.
  [PkiErrorCode.STATEMENT_UNEXPECTED]: 'INVALID_ARGUMENT',
};

/** Parses an ECDSA P-256 SPKI PEM; anything else fails with KEY_INVALID. */
export function readMeterKey(pem: string): MeterPublicKey {
  return withChaincodeCodes(() => parsePublicKey(pem));
}

/** How many parsed meter keys a chaincode server keeps; beyond that the oldest is forgotten (and parsed again). */
export const METER_KEY_CACHE_LIMIT = 20_000;
const parsedKeys = new Map<string, MeterPublicKey>();

/**
 * `readMeterKey` remembered across transactions: parsing and normalising a PEM costs several signature checks, and
 * a batch of readings names the same few hundred meters again and again. The result depends on the PEM alone, so
 * every endorser still computes the same; a PEM that does not parse is not remembered and fails every time.
 */
export function cachedMeterKey(pem: string): MeterPublicKey {
  const cached = parsedKeys.get(pem);
  if (cached !== undefined) {
    return cached;
  }
  const key = readMeterKey(pem);
  if (parsedKeys.size >= METER_KEY_CACHE_LIMIT) {
    const oldest = parsedKeys.keys().next();
    if (oldest.done !== true) {
      parsedKeys.delete(oldest.value);
    }
  }
  parsedKeys.set(pem, key);
  return key;
}

export function attestationStatementOf(input: AttestationInput): string {
  return withChaincodeCodes(() => attestationStatement(input));
}

export function rotationStatementOf(input: RotationInput): string {
  return withChaincodeCodes(() => rotationStatement(input));
}

/** Whether `key` signed the UTF-8 `data`; a signature that is not DER ECDSA fails with SIGNATURE_MALFORMED. */
export function signatureMatches(key: MeterPublicKey, data: string, signatureB64: string): boolean {
  return withChaincodeCodes(() => verifySignature(key, data, signatureB64));
}

/** Fails with SIGNATURE_INVALID unless `key` signed `data`; `signer` names the signature in the message. */
export function requireSignature(
  key: MeterPublicKey,
  data: string,
  signatureB64: string,
  signer: string,
): void {
  if (!signatureMatches(key, data, signatureB64)) {
    throw new ChaincodeError(
      'SIGNATURE_INVALID',
      `the ${signer} signature does not verify with key ${key.fingerprint}`,
      {
        signer,
        keyFingerprint: key.fingerprint,
      },
    );
  }
}

function withChaincodeCodes<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw toChaincodeError(error);
  }
}

function toChaincodeError(error: unknown): unknown {
  if (!isDomainError(error) || error instanceof ChaincodeError) {
    return error;
  }
  const code: string = error.code;
  return isPkiErrorCode(code)
    ? new ChaincodeError(CHAINCODE_CODE_OF[code], error.message, { ...error.details })
    : error;
}

function isPkiErrorCode(code: string): code is PkiErrorCode {
  return Object.hasOwn(CHAINCODE_CODE_OF, code);
}
