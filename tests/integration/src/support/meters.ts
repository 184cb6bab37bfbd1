import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { RegistryClient } from '@metrochain/ledger';
import { attestationStatement, keyFingerprint, newNonce, rotationStatement, signData } from '@metrochain/pki';
import { networkProfile } from './network';

/** A simulated meter: an id and a P-256 key pair as PEM. */
export interface TestMeter {
  id: string;
  publicPem: string;
  privatePem: string;
}

export function newKeyPair(): Omit<TestMeter, 'id'> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export function newMeter(prefix = 'it-meter'): TestMeter {
  return { id: `${prefix}-${randomUUID()}`, ...newKeyPair() };
}

/** What a meter answers to an NMI's challenge: its signature over the attestation statement. */
export function attestation(meter: TestMeter, org: string): Parameters<RegistryClient['attest']>[0] {
  const attester = networkProfile().organizations[org]?.mspId ?? '';
  const nonce = newNonce();
  const statement = attestationStatement({
    meterId: meter.id,
    keyFingerprint: keyFingerprint(meter.publicPem),
    attester,
    nonce,
  });
  return {
    meterId: meter.id,
    model: 'LOOP-2',
    publicKeyPem: meter.publicPem,
    nonce,
    signature: signData(meter.privatePem, statement),
  };
}

/** A rotation request signed by the meter's current key and the new one. */
export function rotation(
  meter: TestMeter,
  next: Omit<TestMeter, 'id'>,
): Parameters<RegistryClient['rotateKey']>[0] {
  const nonce = newNonce();
  const statement = rotationStatement({
    meterId: meter.id,
    oldKeyFingerprint: keyFingerprint(meter.publicPem),
    newKeyFingerprint: keyFingerprint(next.publicPem),
    nonce,
  });
  return {
    meterId: meter.id,
    newPublicKeyPem: next.publicPem,
    nonce,
    oldKeySignature: signData(meter.privatePem, statement),
    newKeySignature: signData(next.privatePem, statement),
  };
}
