import type { CommittedMeterView, MeterView } from '@metrochain/contracts';
import { attestationStatement, keyFingerprint, newNonce, verifySignature } from '@metrochain/pki';
import { FakeService, coded, type Reply } from './fake-service';

const AT = '2026-01-05T10:00:00.000Z';
const EXPIRES = '2026-01-05T10:05:00.000Z';

interface Pending {
  meterId: string;
  model: string;
  publicKeyPem: string;
  statement: string;
}

/**
 * One NMI's registration API in memory: real attestation statements and signature checks, the meter active after
 * `required` distinct NMIs attested. Instances of several NMIs share `meters`, as they share the ledger.
 */
export async function fakeRegistration(
  options: Readonly<{ msp: string; meters: Map<string, MeterView>; required?: number }>,
): Promise<FakeService> {
  const { msp, meters, required = 2 } = options;
  const challenges = new Map<string, Pending>();
  const service = await FakeService.start();

  service.on('POST', /\/meters\/registrations/, ({ body }) =>
    issue(body as Omit<Pending, 'statement'>, msp, challenges),
  );

  service.on('POST', /\/meters\/registrations\/([^/]+)\/response/, ({ body }, [id = '']) => {
    const pending = challenges.get(id);
    challenges.delete(id);
    if (pending === undefined) {
      return coded(410, 'CHALLENGE_UNKNOWN', 'unknown, expired or used');
    }
    const { signature = '' } = body as { signature?: string };
    if (!verifySignature(pending.publicKeyPem, pending.statement, signature)) {
      return coded(422, 'SIGNATURE_INVALID', 'the proof of possession does not verify');
    }
    const existing = meters.get(pending.meterId);
    if (existing?.attestations.some((attestation) => attestation.msp === msp) === true) {
      return coded(409, 'ALREADY_ATTESTED', `${msp} attested ${pending.meterId} before`);
    }
    const view = attest(existing, pending, msp, required);
    meters.set(view.meterId, view);
    return committed(view);
  });

  service.on('GET', /\/meters\/([^/]+)/, (_, [meterId = '']) => {
    const view = meters.get(meterId);
    return view === undefined
      ? coded(404, 'METER_UNKNOWN', `no meter ${meterId}`)
      : { status: 200, body: view };
  });
  return service;
}

function issue(request: Omit<Pending, 'statement'>, msp: string, challenges: Map<string, Pending>): Reply {
  const nonce = newNonce();
  const statement = attestationStatement({
    meterId: request.meterId,
    keyFingerprint: keyFingerprint(request.publicKeyPem),
    attester: msp,
    nonce,
  });
  challenges.set(nonce, { ...request, statement });
  return { status: 201, body: { challengeId: nonce, registrationId: nonce, statement, expiresAt: EXPIRES } };
}

function committed(view: MeterView): Reply {
  const body: CommittedMeterView = { ...view, transactionId: 'a'.repeat(64), blockNumber: '7' };
  return { status: 200, body };
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
