import { type KeyObject, generateKeyPairSync } from 'node:crypto';
import { type MeterRecord, meterRecordSchema } from '@metrochain/contracts';
import { keyFingerprint } from '@metrochain/pki';

/** A meter's P-256 key pair as the tests sign with it. */
export interface MeterKeyPair {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

export function newMeterKey(): MeterKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey, publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}

export const REGISTERED_AT = '2025-01-01T00:00:00.000Z';
export const ACTIVATED_AT = '2025-01-02T00:00:00.000Z';
export const ATTESTERS = ['PTBMSP', 'InmetroMSP'] as const;

export interface MeterShape {
  /** Omit for a meter still pending. */
  activatedAt?: string;
  revokedFrom?: string;
  /** A later key and the instant it replaced `key`. */
  rotation?: { key: MeterKeyPair; at: string };
}

/** A registry record that passes the contract schema, with `key` attested by two NMIs. */
export function meterRecord(
  meterId: string,
  key: MeterKeyPair,
  shape: Readonly<MeterShape> = {},
): MeterRecord {
  const first = { keyFingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, validFrom: REGISTERED_AT };
  const current = shape.rotation?.key ?? key;
  const keyHistory =
    shape.rotation === undefined
      ? [first]
      : [
          { ...first, validTo: shape.rotation.at },
          {
            keyFingerprint: shape.rotation.key.fingerprint,
            publicKeyPem: shape.rotation.key.publicKeyPem,
            validFrom: shape.rotation.at,
          },
        ];
  return meterRecordSchema.parse({
    meterId,
    model: 'EM-340 Rev.2',
    status: statusOf(shape),
    publicKeyPem: current.publicKeyPem,
    keyFingerprint: current.fingerprint,
    keyHistory,
    attestations: ATTESTERS.map((msp, index) => ({
      msp,
      keyFingerprint: key.fingerprint,
      at: REGISTERED_AT,
      txId: `tx-attest-${String(index)}`,
    })),
    ...(shape.activatedAt === undefined ? {} : { activatedAt: shape.activatedAt }),
    ...(shape.revokedFrom === undefined
      ? {}
      : {
          revocation: {
            reason: 'seal broken',
            effectiveAt: shape.revokedFrom,
            by: 'PTBMSP',
            at: shape.revokedFrom,
            txId: 'tx-revoke',
          },
        }),
  });
}

function statusOf(shape: Readonly<MeterShape>): MeterRecord['status'] {
  if (shape.revokedFrom !== undefined) {
    return 'revoked';
  }
  return shape.activatedAt === undefined ? 'pending' : 'active';
}
