import {
  type AttestRequest,
  type CheckSignatureRequest,
  type MeterRecord,
  ROLE_ATTRIBUTE,
  type Role,
  type RotateKeyRequest,
  type SignatureCheck,
  meterRecordSchema,
  signatureCheckSchema,
} from '@metrochain/contracts';
import canonicalize from 'canonicalize';
import { type KeyObject, createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { type StubContext, type StubContextOptions, newStubContext } from '../../testing/stub-context';
import { RegistryContract } from '../registry.contract';

/** A meter's key pair, made the way the authors' meters make theirs: ECDSA P-256. */
export type MeterKeys = Readonly<{ privateKey: KeyObject; publicKeyPem: string; fingerprint: string }>;

export const contract = new RegistryContract();
export const MODEL = 'EM-340 Rev.2';
/** 2026-01-01T00:00:00Z; scenario steps add hours to it. */
export const T0 = 1_767_225_600;
export const HOUR = 3600;

export function newMeterKeys(namedCurve = 'prime256v1'): MeterKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

/** ECDSA-P256-SHA256 over the UTF-8 text, DER, standard base64: what the authors' fabpki clients produce. */
export function signText(keys: MeterKeys, text: string): string {
  return sign('sha256', Buffer.from(text, 'utf8'), keys.privateKey).toString('base64');
}

export function newNonce(): string {
  return randomBytes(32).toString('base64url');
}

export function isoAt(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

// Built here from docs/pki.md rather than with @metrochain/pki, so the tests pin the documented statements.
export function attestationText(meterId: string, keys: MeterKeys, attester: string, nonce: string): string {
  const statement = {
    purpose: 'metrochain/attest/v1',
    meterId,
    keyFingerprint: keys.fingerprint,
    attester,
    nonce,
  };
  return canonicalize(statement) ?? '';
}

export function rotationText(meterId: string, oldKeys: MeterKeys, newKeys: MeterKeys, nonce: string): string {
  const statement = {
    purpose: 'metrochain/rotate/v1',
    meterId,
    oldKeyFingerprint: oldKeys.fingerprint,
    newKeyFingerprint: newKeys.fingerprint,
    nonce,
  };
  return canonicalize(statement) ?? '';
}

/** An attestation request whose proof of possession `keys` signed for `attester`. */
export function attestRequest(
  meterId: string,
  keys: MeterKeys,
  attester: string,
  overrides: Partial<AttestRequest> = {},
): AttestRequest {
  const nonce = overrides.nonce ?? newNonce();
  const signature = signText(keys, attestationText(meterId, keys, attester, nonce));
  return { meterId, model: MODEL, publicKeyPem: keys.publicKeyPem, nonce, signature, ...overrides };
}

/** A rotation request signed by both keys unless the signers say otherwise. */
export function rotateRequest(
  meterId: string,
  oldKeys: MeterKeys,
  newKeys: MeterKeys,
  signers: Readonly<{ old: MeterKeys; new: MeterKeys }> = { old: oldKeys, new: newKeys },
): RotateKeyRequest {
  const nonce = newNonce();
  const text = rotationText(meterId, oldKeys, newKeys, nonce);
  return {
    meterId,
    newPublicKeyPem: newKeys.publicKeyPem,
    nonce,
    oldKeySignature: signText(signers.old, text),
    newKeySignature: signText(signers.new, text),
  };
}

/** A transaction by an identity of `mspId` holding `role`. */
export function txAs(role: Role, mspId: string, options: StubContextOptions = {}): StubContext {
  return newStubContext({ mspId, attributes: { [ROLE_ATTRIBUTE]: role }, ...options });
}

/** Attests `meterId` by each MSP in turn, one committed transaction per hour from T0; returns the last result. */
export async function attestBy(
  state: Map<string, Uint8Array>,
  meterId: string,
  keys: MeterKeys,
  msps: readonly string[],
): Promise<string> {
  let result = '';
  for (const [index, msp] of msps.entries()) {
    const { ctx } = txAs('registrar', msp, { state, txId: `tx-attest-${msp}`, seconds: T0 + index * HOUR });
    result = await contract.attest(ctx, JSON.stringify(attestRequest(meterId, keys, msp)));
  }
  return result;
}

/** Fresh ledger state holding an active meter attested by PTB at T0 and LNE at T0 + 1 h. */
export async function activeMeter(meterId: string, keys: MeterKeys): Promise<Map<string, Uint8Array>> {
  const state = new Map<string, Uint8Array>();
  await attestBy(state, meterId, keys, ['PTBMSP', 'LNEMSP']);
  return state;
}

/** The meter as getMeter returns it, read by a caller without any role. */
export async function readMeter(state: Map<string, Uint8Array>, meterId: string): Promise<MeterRecord> {
  const json = await contract.getMeter(newStubContext({ state }).ctx, meterId);
  return meterRecordSchema.parse(JSON.parse(json));
}

/** checkSignature evaluated at `seconds` by a caller without any role. */
export async function checkAt(
  state: Map<string, Uint8Array>,
  request: CheckSignatureRequest,
  seconds = T0 + 10 * HOUR,
): Promise<SignatureCheck> {
  const json = await contract.checkSignature(newStubContext({ state, seconds }).ctx, JSON.stringify(request));
  return signatureCheckSchema.parse(JSON.parse(json));
}
