import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DomainError, isDomainError } from '@metrochain/errors';
import { PkiErrorCode, parsePublicKey, pkiError, type MeterPublicKey } from '@metrochain/pki';
import { readTextFile } from '@metrochain/tool-kit';
import { CliErrorCode, cliError } from '../cli-error';

/** A meter's private key with the public key it implies. */
export interface MeterKeyPair {
  privateKey: KeyObject;
  publicKey: MeterPublicKey;
}

/**
 * A P-256 private key in PEM, PKCS#8 (`BEGIN PRIVATE KEY`, what keygen and OpenSSL 3 write) or SEC1
 * (`BEGIN EC PRIVATE KEY`, what the authors' python-ecdsa clients write); anything else is KEY_INVALID.
 */
export function privateKeyFromPem(pem: string, source: string): MeterKeyPair {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (cause) {
    throw pkiError(
      PkiErrorCode.KEY_INVALID,
      `${source} is not an unencrypted PKCS#8 or SEC1 private key PEM`,
      {
        cause: String(cause),
      },
    );
  }
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw pkiError(PkiErrorCode.KEY_INVALID, `${source} is not an ECDSA P-256 key`);
  }
  const spkiPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey, publicKey: parsePublicKey(spkiPem) };
}

export function loadPrivateKey(file: string): MeterKeyPair {
  return privateKeyFromPem(readTextFile(file, 'private key'), file);
}

export function loadPublicKey(file: string): MeterPublicKey {
  const pem = readTextFile(file, 'public key');
  try {
    return parsePublicKey(pem);
  } catch (error) {
    throw isDomainError(error)
      ? new DomainError({
          code: error.code,
          message: `${file}: ${error.message}`,
          details: { ...error.details },
        })
      : error;
  }
}

/** The private key, checked against the public key file when one is given too. */
export function loadKeyPair(privateFile: string, publicFile: string | undefined): MeterKeyPair {
  const pair = loadPrivateKey(privateFile);
  if (publicFile !== undefined && loadPublicKey(publicFile).fingerprint !== pair.publicKey.fingerprint) {
    throw cliError(CliErrorCode.KEY_PAIR_MISMATCH, `${publicFile} is not the public key of ${privateFile}`);
  }
  return pair;
}

/** A fresh key pair as PEM: PKCS#8 private key, SPKI public key. */
export function newKeyPair(): { privatePem: string; publicKey: MeterPublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: parsePublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString()),
  };
}

export const KEY_FILE_NAMES = { privateKey: 'meter.key.pem', publicKey: 'meter.pub.pem' } as const;

/** `--out dir/` (or an existing folder) → dir/meter.key.pem + dir/meter.pub.pem; `--out x` → x.key.pem + x.pub.pem. */
export function keyPairPaths(out: string): {
  folder: string | undefined;
  privateKey: string;
  publicKey: string;
} {
  const isFolder =
    out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory());
  if (isFolder) {
    return {
      folder: out,
      privateKey: path.join(out, KEY_FILE_NAMES.privateKey),
      publicKey: path.join(out, KEY_FILE_NAMES.publicKey),
    };
  }
  return { folder: undefined, privateKey: `${out}.key.pem`, publicKey: `${out}.pub.pem` };
}
