import type { MeterView } from '@metrochain/contracts';
import {
  attestationStatement,
  keyFingerprint,
  newNonce,
  rotationStatement,
  verifySignature,
} from '@metrochain/pki';
import { FakeService, coded, type Reply } from './fake-service';
import { attest, committed, rotate, AT, type PendingMeter } from './meter-views';

const EXPIRES = '2026-01-05T10:05:00.000Z';

export type FakeRegistrationOptions = Readonly<{
  msp?: string;
  /** Distinct NMIs whose attestation makes a meter active. */
  required?: number;
  /** Instances of several NMIs share it, as they share the ledger. */
  meters?: Map<string, MeterView>;
}>;

interface State {
  msp: string;
  required: number;
  meters: Map<string, MeterView>;
  challenges: Map<string, PendingMeter>;
  rotations: Map<string, PendingMeter & { newPublicKeyPem: string }>;
}

/**
 * One NMI's registration API in memory: real statements, real signature checks, the meter active after `required`
 * distinct NMIs attested. Enough to drive registration, revocation and rotation end to end.
 */
export async function fakeRegistration(options: FakeRegistrationOptions = {}): Promise<FakeService> {
  const state: State = {
    msp: options.msp ?? 'PTBMSP',
    required: options.required ?? 2,
    meters: options.meters ?? new Map<string, MeterView>(),
    challenges: new Map(),
    rotations: new Map(),
  };
  const service = await FakeService.start();
  service
    .on('POST', /\/meters\/registrations/, ({ body }) => issueChallenge(state, body as PendingMeter))
    .on('POST', /\/meters\/registrations\/([^/]+)\/response/, ({ body }, [id = '']) =>
      answerChallenge(state, id, body as { signature?: string }),
    )
    .on('GET', /\/meters\/([^/]+)/, (_, [meterId = '']) => {
      const view = state.meters.get(meterId);
      return view === undefined
        ? coded(404, 'METER_UNKNOWN', `no meter ${meterId}`)
        : { status: 200, body: view };
    })
    .on('POST', /\/meters\/([^/]+)\/revocation/, ({ body }, [meterId = '']) =>
      revoke(state, meterId, body as { reason: string; effectiveAt?: string }),
    )
    .on('POST', /\/meters\/([^/]+)\/rotations/, ({ body }, [meterId = '']) =>
      issueRotation(state, meterId, body as { newPublicKeyPem: string }),
    )
    .on('POST', /\/meters\/rotations\/([^/]+)\/response/, ({ body }, [id = '']) =>
      answerRotation(state, id, body as Record<string, string | undefined>),
    );
  return service;
}

function issueChallenge(state: State, request: Omit<PendingMeter, 'statement'>): Reply {
  const nonce = newNonce();
  const keyFingerprintOfMeter = keyFingerprint(request.publicKeyPem);
  const fields = {
    meterId: request.meterId,
    keyFingerprint: keyFingerprintOfMeter,
    attester: state.msp,
    nonce,
  };
  const statement = attestationStatement(fields);
  state.challenges.set(nonce, { ...request, statement });
  return { status: 201, body: { challengeId: nonce, registrationId: nonce, statement, expiresAt: EXPIRES } };
}

function answerChallenge(state: State, id: string, body: { signature?: string }): Reply {
  const pending = state.challenges.get(id);
  state.challenges.delete(id);
  if (pending === undefined) {
    return coded(410, 'CHALLENGE_UNKNOWN', 'unknown, expired or used');
  }
  if (!verifySignature(pending.publicKeyPem, pending.statement, body.signature ?? '')) {
    return coded(422, 'SIGNATURE_INVALID', 'the proof of possession does not verify');
  }
  const existing = state.meters.get(pending.meterId);
  if (existing?.attestations.some((attestation) => attestation.msp === state.msp) === true) {
    return coded(409, 'ALREADY_ATTESTED', `${state.msp} attested ${pending.meterId} before`);
  }
  const view = attest(existing, pending, state.msp, state.required);
  state.meters.set(view.meterId, view);
  return committed(view);
}

function revoke(state: State, meterId: string, body: { reason: string; effectiveAt?: string }): Reply {
  const view = state.meters.get(meterId);
  if (view === undefined) {
    return coded(404, 'METER_UNKNOWN', `no meter ${meterId}`);
  }
  const revocation = {
    reason: body.reason,
    effectiveAt: body.effectiveAt ?? AT,
    by: state.msp,
    at: AT,
    txId: 'r1',
  };
  const revoked: MeterView = { ...view, status: 'revoked', revocation };
  state.meters.set(revoked.meterId, revoked);
  return committed(revoked);
}

function issueRotation(state: State, meterId: string, body: { newPublicKeyPem: string }): Reply {
  const view = state.meters.get(meterId);
  if (view?.status !== 'active') {
    return coded(409, 'METER_NOT_ACTIVE', 'only an active meter rotates its key');
  }
  const nonce = newNonce();
  const fingerprints = {
    oldKeyFingerprint: view.keyFingerprint,
    newKeyFingerprint: keyFingerprint(body.newPublicKeyPem),
  };
  const statement = rotationStatement({ meterId: view.meterId, ...fingerprints, nonce });
  state.rotations.set(nonce, { ...view, statement, newPublicKeyPem: body.newPublicKeyPem });
  return {
    status: 201,
    body: { rotationId: nonce, meterId: view.meterId, statement, ...fingerprints, expiresAt: EXPIRES },
  };
}

function answerRotation(state: State, id: string, body: Record<string, string | undefined>): Reply {
  const rotation = state.rotations.get(id);
  const view = state.meters.get(rotation?.meterId ?? '');
  if (rotation === undefined || view === undefined) {
    return coded(410, 'CHALLENGE_UNKNOWN', 'unknown, expired or used');
  }
  const valid =
    verifySignature(view.publicKeyPem, rotation.statement, body['oldKeySignature'] ?? '') &&
    verifySignature(rotation.newPublicKeyPem, rotation.statement, body['newKeySignature'] ?? '');
  if (!valid) {
    return coded(422, 'SIGNATURE_INVALID', 'a rotation signature does not verify');
  }
  const rotated = rotate(view, rotation.newPublicKeyPem);
  state.meters.set(rotated.meterId, rotated);
  return committed(rotated);
}
