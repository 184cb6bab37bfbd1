import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  committedMeterViewSchema,
  heldRegistrationViewSchema,
  issuedChallengeSchema,
} from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { MANUFACTURER, OTHER_MANUFACTURER, operatorOf, tokenOf } from './support/principals';
import {
  type KeyPair,
  type RegistrationInstance,
  TEST_MODEL,
  approveModel,
  call,
  getMeter,
  instanceOf,
  newKeyPair,
  newMeterId,
  registerActive,
} from './support/registration-api';

/** Globex's own model; approved for it, so that acme's registrations of it are refused. */
const GLOBEX_MODEL = 'GLOBEX-EM-1';

async function challenge(
  instance: RegistrationInstance,
  meterId: string,
  key: KeyPair,
  manufacturer: string,
  model: string,
): Promise<{ registrationId: string; signature: string }> {
  const answer = await call(
    instance,
    'POST',
    '/meters/registrations',
    { meterId, model, publicKeyPem: key.publicPem },
    tokenOf(manufacturer),
  );
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  const issued = issuedChallengeSchema.parse(answer.body);
  return { registrationId: issued.registrationId, signature: signData(key.privatePem, issued.statement) };
}

async function answerChallenge(
  instance: RegistrationInstance,
  issued: { registrationId: string; signature: string },
  manufacturer: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const path = `/meters/registrations/${issued.registrationId}/response`;
  return call(instance, 'POST', path, { signature: issued.signature }, tokenOf(manufacturer));
}

describe('who may register, attest and revoke, on the real network', () => {
  const ptb = instanceOf('PTB');
  const inmetro = instanceOf('Inmetro');
  before(async () => {
    await approveModel(TEST_MODEL, MANUFACTURER);
    await approveModel(GLOBEX_MODEL, OTHER_MANUFACTURER);
  });

  it('refuses anonymous registration and anonymous revocation (401), changing nothing', async () => {
    const meterId = newMeterId();
    const key = newKeyPair();
    const anonymous = await call(ptb, 'POST', '/meters/registrations', {
      meterId,
      model: TEST_MODEL,
      publicKeyPem: key.publicPem,
    });
    assert.deepEqual([anonymous.status, anonymous.body['code']], [401, 'UNAUTHENTICATED']);
    await registerActive(meterId, key);
    const revocation = await call(ptb, 'POST', `/meters/${meterId}/revocation`, { reason: 'prank' });
    assert.deepEqual([revocation.status, revocation.body['code']], [401, 'UNAUTHENTICATED']);
    const asManufacturer = await call(
      ptb,
      'POST',
      `/meters/${meterId}/revocation`,
      { reason: 'prank' },
      tokenOf(MANUFACTURER),
    );
    assert.deepEqual([asManufacturer.status, asManufacturer.body['code']], [403, 'ACCESS_FORBIDDEN']);
    assert.equal((await getMeter(ptb, meterId)).status, 'active');
  });

  it('attests a manufacturer’s meter of its approved model through both NMIs under the automatic policy', async () => {
    const meterId = newMeterId();
    const [first, second] = await registerActive(meterId, newKeyPair());
    assert.equal(first.status, 'pending');
    assert.equal(second.status, 'active');
  });

  it('refuses an unapproved model (422 MODEL_NOT_APPROVED) and another manufacturer’s (403 MODEL_NOT_YOURS)', async () => {
    const key = newKeyPair();
    for (const [model, status, code] of [
      [`UNAPPROVED-${newMeterId()}`, 422, 'MODEL_NOT_APPROVED'],
      [GLOBEX_MODEL, 403, 'MODEL_NOT_YOURS'],
    ] as const) {
      const answer = await call(
        ptb,
        'POST',
        '/meters/registrations',
        { meterId: newMeterId(), model, publicKeyPem: key.publicPem },
        tokenOf(MANUFACTURER),
      );
      assert.deepEqual([answer.status, answer.body['code']], [status, code]);
    }
    const taken = await call(
      ptb,
      'POST',
      '/models',
      { model: GLOBEX_MODEL, manufacturer: MANUFACTURER },
      operatorOf('PTB'),
    );
    assert.deepEqual([taken.status, taken.body['code']], [409, 'ALREADY_EXISTS']);
  });

  it('lets only the manufacturer that asked answer its challenge', async () => {
    const issued = await challenge(ptb, newMeterId(), newKeyPair(), MANUFACTURER, TEST_MODEL);
    const stolen = await answerChallenge(ptb, issued, OTHER_MANUFACTURER);
    assert.deepEqual([stolen.status, stolen.body['code']], [410, 'CHALLENGE_UNKNOWN']);
  });

  it('lets an operator revoke only through its own NMI’s service, and records who and why', async () => {
    const meterId = newMeterId();
    await registerActive(meterId, newKeyPair());
    const foreign = await call(
      ptb,
      'POST',
      `/meters/${meterId}/revocation`,
      { reason: 'x' },
      operatorOf('Inmetro'),
    );
    assert.deepEqual([foreign.status, foreign.body['code']], [403, 'NMI_FORBIDDEN']);
    const own = await call(
      inmetro,
      'POST',
      `/meters/${meterId}/revocation`,
      { reason: 'seal broken' },
      operatorOf('Inmetro'),
    );
    assert.equal(own.status, 200, JSON.stringify(own.body));
    const revoked = committedMeterViewSchema.parse(own.body);
    assert.deepEqual(
      [revoked.revocation?.by, revoked.revocation?.operator, revoked.revocation?.reason],
      ['InmetroMSP', 'operator-inmetro', 'seal broken'],
    );
  });
});

describe('operator approval: an NMI holds a manufacturer’s attestations until an operator decides', () => {
  const ptb = instanceOf('PTB');
  const inmetro = instanceOf('Inmetro');
  const setPolicy = (mode: string): ReturnType<typeof call> =>
    call(ptb, 'PUT', `/attestation-policies/${OTHER_MANUFACTURER}`, { mode }, operatorOf('PTB'));

  before(async () => {
    await approveModel(GLOBEX_MODEL, OTHER_MANUFACTURER);
    const set = await setPolicy('operator-approval');
    assert.equal(set.status, 200, JSON.stringify(set.body));
  });
  after(async () => {
    await setPolicy('automatic');
  });

  it('holds the attestation (202), attests it on approval; the meter becomes active only then', async () => {
    const meterId = newMeterId();
    const key = newKeyPair();
    const held = await answerChallenge(
      ptb,
      await challenge(ptb, meterId, key, OTHER_MANUFACTURER, GLOBEX_MODEL),
      OTHER_MANUFACTURER,
    );
    assert.equal(held.status, 202, JSON.stringify(held.body));
    const view = heldRegistrationViewSchema.parse(held.body);
    const byInmetro = await answerChallenge(
      inmetro,
      await challenge(inmetro, meterId, key, OTHER_MANUFACTURER, GLOBEX_MODEL),
      OTHER_MANUFACTURER,
    );
    assert.equal(byInmetro.status, 200, 'Inmetro attests automatically');
    assert.equal((await getMeter(ptb, meterId)).status, 'pending');

    const queue = await call(ptb, 'GET', '/meters/registrations/held', undefined, operatorOf('PTB'));
    assert.ok(
      (queue.body as unknown as { registrationId: string }[]).some(
        (entry) => entry.registrationId === view.registrationId,
      ),
    );
    const approvalPath = `/meters/registrations/${view.registrationId}/approval`;
    const foreign = await call(ptb, 'POST', approvalPath, {}, operatorOf('Inmetro'));
    assert.deepEqual([foreign.status, foreign.body['code']], [403, 'NMI_FORBIDDEN']);
    const approved = await call(ptb, 'POST', approvalPath, {}, operatorOf('PTB'));
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(committedMeterViewSchema.parse(approved.body).status, 'active');
    const again = await call(ptb, 'POST', approvalPath, {}, operatorOf('PTB'));
    assert.deepEqual([again.status, again.body['code']], [404, 'REGISTRATION_NOT_HELD']);
  });

  it('rejects a held registration: nothing is attested and it cannot be approved afterwards', async () => {
    const meterId = newMeterId();
    const held = await answerChallenge(
      ptb,
      await challenge(ptb, meterId, newKeyPair(), OTHER_MANUFACTURER, GLOBEX_MODEL),
      OTHER_MANUFACTURER,
    );
    const { registrationId } = heldRegistrationViewSchema.parse(held.body);
    const rejected = await call(
      ptb,
      'POST',
      `/meters/registrations/${registrationId}/rejection`,
      { reason: 'unknown serial' },
      operatorOf('PTB'),
    );
    assert.deepEqual(
      [rejected.status, rejected.body['status'], rejected.body['rejectedBy']],
      [200, 'rejected', 'operator-ptb'],
    );
    const approve = await call(
      ptb,
      'POST',
      `/meters/registrations/${registrationId}/approval`,
      {},
      operatorOf('PTB'),
    );
    assert.deepEqual([approve.status, approve.body['code']], [404, 'REGISTRATION_NOT_HELD']);
    const record = await call(ptb, 'GET', `/meters/${meterId}`);
    assert.deepEqual([record.status, record.body['code']], [404, 'METER_UNKNOWN']);
  });
});
