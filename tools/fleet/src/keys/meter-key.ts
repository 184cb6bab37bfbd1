import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { parsePublicKey, type MeterPublicKey } from '@metrochain/pki';
import { FleetErrorCode, fleetError } from '../fleet-error';

/** A meter's P-256 private key with the public key (SPKI PEM, fingerprint) it implies. */
export interface MeterKey {
  privateKey: KeyObject;
  publicKey: MeterPublicKey;
}

/** A fresh P-256 private key as PKCS#8 PEM, what the state folder keeps. */
export function newMeterKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function meterKeyFromPem(privateKeyPem: string, source: string): MeterKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw fleetError(FleetErrorCode.STATE_INVALID, `${source}: the private key does not parse`, { cause });
  }
  if (privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw fleetError(FleetErrorCode.STATE_INVALID, `${source}: the private key is not on P-256`);
  }
  const spki = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey, publicKey: parsePublicKey(spki) };
}
