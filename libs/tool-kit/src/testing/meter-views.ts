import type { CommittedMeterView, MeterView } from '@metrochain/contracts';
import { keyFingerprint } from '@metrochain/pki';
import type { Reply } from './fake-service';

export const AT = '2026-01-05T10:00:00.000Z';

/** A meter as a registration request described it, with the statement it was asked to sign. */
export interface PendingMeter {
  meterId: string;
  model: string;
  publicKeyPem: string;
  statement: string;
}

export function committed(view: MeterView): Reply {
  const body: CommittedMeterView = { ...view, transactionId: 'a'.repeat(64), blockNumber: '7' };
  return { status: 200, body };
}

/** The meter after `msp` attested it: active once `required` distinct NMIs have. */
export function attest(
  existing: MeterView | undefined,
  pending: PendingMeter,
  msp: string,
  required: number,
): MeterView {
  const fingerprint = keyFingerprint(pending.publicKeyPem);
  const view: MeterView = existing ?? {
    meterId: pending.meterId,
    model: pending.model,
    status: 'pending',
    publicKeyPem: pending.publicKeyPem,
    keyFingerprint: fingerprint,
    keyHistory: [{ keyFingerprint: fingerprint, publicKeyPem: pending.publicKeyPem, validFrom: AT }],
    attestations: [],
  };
  const attestations = [...view.attestations, { msp, keyFingerprint: fingerprint, at: AT, txId: 't1' }];
  const active = new Set(attestations.map((attestation) => attestation.msp)).size >= required;
  return {
    ...view,
    attestations,
    status: active ? 'active' : 'pending',
    ...(active ? { activatedAt: AT } : {}),
  };
}

/** The meter after its key was rotated to `newPublicKeyPem`: the old key closed, the new one current. */
export function rotate(view: MeterView, newPublicKeyPem: string): MeterView {
  const newFingerprint = keyFingerprint(newPublicKeyPem);
  const history = view.keyHistory.map((key) => ({ ...key, validTo: key.validTo ?? AT }));
  return {
    ...view,
    publicKeyPem: newPublicKeyPem,
    keyFingerprint: newFingerprint,
    keyHistory: [
      ...history,
      { keyFingerprint: newFingerprint, publicKeyPem: newPublicKeyPem, validFrom: AT },
    ],
  };
}
