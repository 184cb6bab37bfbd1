import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MeterView } from '@metrochain/contracts';
import { attestationStatement, newNonce } from '@metrochain/pki';
import { meterKeyFromPem, newMeterKeyPem } from '../keys/meter-key';
import { fakeRegistration } from '@metrochain/tool-kit/testing';
import type { FakeService } from '@metrochain/tool-kit/testing';
import { registerMeter, type MeterIdentity, type RegistrationTarget } from './register-meter';
import { newRegistrationClient, type RegistrationApi } from './registration-client';

const FAST = { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 };

function meter(meterId: string): MeterIdentity {
  return { meterId, model: 'SIM-SPEED-2L', ...meterKeyFromPem(newMeterKeyPem(), meterId) };
}

describe('registerMeter against two NMIs', () => {
  const meters = new Map<string, MeterView>();
  let ptb: FakeService;
  let inmetro: FakeService;
  let targets: RegistrationTarget[];

  before(async () => {
    ptb = await fakeRegistration({ msp: 'PTBMSP', meters });
    inmetro = await fakeRegistration({ msp: 'InmetroMSP', meters });
    targets = [
      { mspId: 'PTBMSP', api: newRegistrationClient(ptb.url) },
      { mspId: 'InmetroMSP', api: newRegistrationClient(inmetro.url) },
    ];
  });
  after(async () => {
    await Promise.all([ptb.close(), inmetro.close()]);
  });

  it('answers each challenge with a signature of its key until the meter is active', async () => {
    const identity = meter('sim-00000001-speed-0001');
    const progress: string[][] = [];
    const result = await registerMeter(identity, targets, {
      attestedBy: [],
      onAttested: (registration) => progress.push(registration.attestedBy),
    });
    assert.deepEqual(result, { attestedBy: ['PTBMSP', 'InmetroMSP'], active: true });
    assert.deepEqual(progress, [['PTBMSP'], ['PTBMSP', 'InmetroMSP']]);
    assert.equal(meters.get(identity.meterId)?.status, 'active');
    const [request] = ptb.requests.filter((entry) => entry.path === '/meters/registrations');
    assert.deepEqual(request?.body, {
      meterId: identity.meterId,
      model: 'SIM-SPEED-2L',
      publicKeyPem: identity.publicKey.pem,
    });
  });

  it('asks only the NMIs that have not attested yet, and takes an attestation made before as done', async () => {
    const identity = meter('sim-00000001-speed-0002');
    await assert.rejects(registerMeter(identity, targets.slice(0, 1), { attestedBy: [] }), {
      code: 'METER_NOT_ACTIVE',
    });
    const before = inmetro.requests.length;
    const resumed = await registerMeter(identity, targets, { attestedBy: ['PTBMSP'] });
    assert.deepEqual(resumed, { attestedBy: ['PTBMSP', 'InmetroMSP'], active: true });
    assert.equal(inmetro.requests.length - before, 2, 'one challenge, one answer');
    // A crash after answering: the state folder does not know, the ledger does.
    const again = await registerMeter(identity, targets, { attestedBy: [] });
    assert.equal(again.active, true);
  });

  it('refuses to sign a statement for another meter or key, and to stay pending', async () => {
    const identity = meter('sim-00000001-speed-0003');
    const other = meter('sim-00000001-speed-0004');
    const rogue: RegistrationApi = {
      ...targets[0]!.api,
      issueChallenge: () => {
        const nonce = newNonce();
        const statement = attestationStatement({
          meterId: other.meterId,
          keyFingerprint: other.publicKey.fingerprint,
          attester: 'PTBMSP',
          nonce,
        });
        return Promise.resolve({ challengeId: nonce, registrationId: nonce, statement, expiresAt: 'x' });
      },
    };
    await assert.rejects(registerMeter(identity, [{ mspId: 'PTBMSP', api: rogue }], { attestedBy: [] }), {
      code: 'STATEMENT_UNEXPECTED',
    });
    await assert.rejects(registerMeter(identity, targets.slice(1), { attestedBy: [], retry: FAST }), {
      code: 'METER_NOT_ACTIVE',
    });
  });
});
