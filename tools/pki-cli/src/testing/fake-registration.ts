import type { CommittedMeterView, MeterView } from '@metrochain/contracts';
import {
  attestationStatement,
  keyFingerprint,
  newNonce,
  rotationStatement,
  verifySignature,
} from '@metrochain/pki';
import { FakeService, type RecordedRequest, type Reply } from './fake-service';

const AT = '2026-01-05T10:00:00.000Z';
const EXPIRES = '2026-01-05T10:05:00.000Z';

interface Pending {
  meterId: string;
  model: string;
  publicKeyPem: string;
  statement: string;
}

/**
 * The registration API as one NMI's instance answers it, in memory: real statements, real signature checks, the
 * meter active after `required` attestations. Enough to drive every registration command end to end.
 */
export async function fakeRegistration(
  options: Readonly<{ msp?: string; required?: number; meters?: Map<string, MeterView> }> = {},
): Promise<FakeService> {
  const { msp = 'PTBMSP', required = 2, meters = new Map<string, MeterView>() } = options;
  const challenges = new Map<string, Pending>();
  const rotations = new Map<string, Pending & { newPublicKeyPem: string }>();
  const service = await FakeService.start();
  const committed = (view: MeterView): Reply => ({
    status: 200,
    body: { ...view, transactionId: 'a'.repeat(64), blockNumber: '7' } satisfies CommittedMeterView,
  });

  service.on('POST', /\/meters\/registrations/, ({ body }) => {
    const request = body as Omit<Pending, 'statement'>;
    const nonce = newNonce();
    const fingerprint = keyFingerprint(request.publicKeyPem);
    const statement = attestationStatement({
      meterId: request.meterId,
      keyFingerprint: fingerprint,
      attester: msp,
      nonce,
    });
    challenges.set(nonce, { ...request, statement });
    return {
      status: 201,
      body: { challengeId: nonce, registrationId: nonce, statement, expiresAt: EXPIRES },
    };
  });

  service.on('POST', /\/meters\/registrations\/([^/]+)\/response/, (request, [id]) => {
    const pending = challenges.get(id ?? '');
    if (pending === undefined) {
      return coded(410, 'CHALLENGE_UNKNOWN', 'unknown, expired or used');
    }
    challenges.delete(id ?? '');
    if (!verifySignature(pending.publicKeyPem, pending.statement, signatureOf(request))) {
      return coded(422, 'SIGNATURE_INVALID', 'the proof of possession does not verify');
    }
    const view = attest(meters.get(pending.meterId), pending, msp, required);
    meters.set(view.meterId, view);
    return committed(view);
  });

  service.on('GET', /\/meters\/([^/]+)/, (_, [meterId]) => {
    const view = meters.get(meterId ?? '');
    return view === undefined
      ? coded(404, 'METER_UNKNOWN', `no meter ${meterId ?? ''}`)
      : { status: 200, body: view };
  });

  service.on('POST', /\/meters\/([^/]+)\/revocation/, ({ body }, [meterId]) => {
    const view = meters.get(meterId ?? '');
    if (view === undefined) {
      return coded(404, 'METER_UNKNOWN', `no meter ${meterId ?? ''}`);
    }
    const { reason, effectiveAt } = body as { reason: string; effectiveAt?: string };
    const revocation = { reason, effectiveAt: effectiveAt ?? AT, by: msp, at: AT, txId: 'r1' };
    const revoked: MeterView = { ...view, status: 'revoked', revocation };
    meters.set(revoked.meterId, revoked);
    return committed(revoked);
  });

  service.on('POST', /\/meters\/([^/]+)\/rotations/, ({ body }, [meterId]) => {
    const view = meters.get(meterId ?? '');
    if (view?.status !== 'active') {
      return coded(409, 'METER_NOT_ACTIVE', 'only an active meter rotates its key');
    }
    const { newPublicKeyPem } = body as { newPublicKeyPem: string };
    const nonce = newNonce();
    const fingerprints = {
      oldKeyFingerprint: view.keyFingerprint,
      newKeyFingerprint: keyFingerprint(newPublicKeyPem),
    };
    const statement = rotationStatement({ meterId: view.meterId, ...fingerprints, nonce });
    rotations.set(nonce, { ...view, statement, newPublicKeyPem });
    return {
      status: 201,
      body: { rotationId: nonce, meterId: view.meterId, statement, ...fingerprints, expiresAt: EXPIRES },
    };
  });

  service.on('POST', /\/meters\/rotations\/([^/]+)\/response/, ({ body }, [id]) => {
    const rotation = rotations.get(id ?? '');
    const view = meters.get(rotation?.meterId ?? '');
    if (rotation === undefined || view === undefined) {
      return coded(410, 'CHALLENGE_UNKNOWN', 'unknown, expired or used');
    }
    const { oldKeySignature, newKeySignature } = body as Record<string, string>;
    const valid =
      verifySignature(view.publicKeyPem, rotation.statement, oldKeySignature ?? '') &&
      verifySignature(rotation.newPublicKeyPem, rotation.statement, newKeySignature ?? '');
    if (!valid) {
      return coded(422, 'SIGNATURE_INVALID', 'a rotation signature does not verify');
    }
    const rotated = rotate(view, rotation.newPublicKeyPem);
    meters.set(rotated.meterId, rotated);
    return committed(rotated);
  });
  return service;
}

function attest(existing: MeterView | undefined, pending: Pending, msp: string, required: number): MeterView {
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

function rotate(view: MeterView, newPublicKeyPem: string): MeterView {
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

function signatureOf(request: RecordedRequest): string {
  return (request.body as { signature?: string }).signature ?? '';
}

export function coded(status: number, code: string, message: string): Reply {
  return { status, body: { code, message } };
}
