import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RegistryClient } from '@metrochain/ledger';
import { signData } from '@metrochain/pki';
import { openSession, type Session } from './support/network';
import {
  registrationInstances,
  instanceOf,
  call,
  getMeter,
  type KeyPair,
  newKeyPair,
  registerActive,
  issueRotation,
  rotate,
  revoke,
  newMeterId,
} from './support/registration-api';
import { operatorOf } from './support/principals';

// ---- the API, instance by instance ---------------------------------------------------------------------------

describe('registration instances, one per NMI, each with its own identity', () => {
  let reader: Session;
  let registry: RegistryClient;
  before(async () => {
    reader = await openSession('Inmetro', 'verification');
    registry = RegistryClient.forConnection(reader.connection);
  });
  after(() => {
    reader.close();
  });

  it('are listed in network.json, PTB on 3001 and Inmetro on 3011', () => {
    const instances = registrationInstances();
    assert.deepEqual(instances.map((instance) => [instance.org, instance.mspId, instance.url]).slice(0, 2), [
      ['PTB', 'PTBMSP', 'http://127.0.0.1:3001'],
      ['Inmetro', 'InmetroMSP', 'http://127.0.0.1:3011'],
    ]);
  });

  it('activate a meter registered through PTB’s instance, then Inmetro’s, each attesting as its own MSP', async () => {
    const meterId = newMeterId();
    const key = newKeyPair();
    const [first, second] = await registerActive(meterId, key);
    assert.equal(first.status, 'pending');
    assert.deepEqual(
      first.attestations.map((a) => a.msp),
      ['PTBMSP'],
    );
    assert.equal(second.status, 'active');
    assert.deepEqual(
      second.attestations.map((a) => a.msp),
      ['PTBMSP', 'InmetroMSP'],
    );
    assert.equal((await getMeter(instanceOf('PTB'), meterId)).status, 'active');
  });

  it('revoke a meter: the view shows it revoked, a second revocation is 409, an unknown meter 404', async () => {
    const meterId = newMeterId();
    await registerActive(meterId, newKeyPair());
    const inmetro = instanceOf('Inmetro');
    const revoked = await revoke(inmetro, meterId, 'seal broken at inspection');
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.revocation?.by, 'InmetroMSP');
    assert.equal(revoked.revocation.operator, 'operator-inmetro');
    const view = await getMeter(instanceOf('PTB'), meterId);
    assert.equal(view.status, 'revoked');
    assert.equal(view.revocation?.reason, 'seal broken at inspection');

    const again = await call(
      inmetro,
      'POST',
      `/meters/${meterId}/revocation`,
      { reason: 'again' },
      operatorOf(inmetro.org),
    );
    assert.deepEqual([again.status, again.body['code']], [409, 'METER_REVOKED']);
    const unknown = await call(
      inmetro,
      'POST',
      `/meters/${newMeterId()}/revocation`,
      { reason: 'x' },
      operatorOf(inmetro.org),
    );
    assert.deepEqual([unknown.status, unknown.body['code']], [404, 'METER_UNKNOWN']);
  });

  it('refuse a revocation backdated beyond 24 h (422) and a malformed one (400), changing nothing', async () => {
    const meterId = newMeterId();
    await registerActive(meterId, newKeyPair());
    const ptb = instanceOf('PTB');
    const before = await getMeter(ptb, meterId);
    const effectiveAt = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    const backdated = await call(
      ptb,
      'POST',
      `/meters/${meterId}/revocation`,
      { reason: 'x', effectiveAt },
      operatorOf(ptb.org),
    );
    assert.deepEqual([backdated.status, backdated.body['code']], [422, 'INVALID_ARGUMENT']);
    const malformed = await call(
      ptb,
      'POST',
      `/meters/${meterId}/revocation`,
      { reason: '', extra: 1 },
      operatorOf(ptb.org),
    );
    assert.deepEqual([malformed.status, malformed.body['code']], [400, 'REQUEST_INVALID']);
    assert.deepEqual(await getMeter(ptb, meterId), before);
  });

  it('rotate a key with both signatures: the new key is valid for data measured after, the old one only before', async () => {
    const meterId = newMeterId();
    const oldKey = newKeyPair();
    const newKey = newKeyPair();
    const [, activation] = await registerActive(meterId, oldKey);
    const rotated = await rotate(instanceOf('PTB'), meterId, oldKey, newKey);
    assert.equal(rotated.status, 'active');
    assert.equal(rotated.keyHistory.length, 2);
    assert.equal((await getMeter(instanceOf('Inmetro'), meterId)).keyFingerprint, rotated.keyFingerprint);

    const data = 'speed 87.3 km/h';
    const check = async (key: KeyPair, measuredAt?: string): Promise<boolean> =>
      (
        await registry.checkSignature({
          meterId,
          data,
          signature: signData(key.privatePem, data),
          ...(measuredAt === undefined ? {} : { measuredAt }),
        })
      ).valid;
    assert.equal(await check(newKey), true);
    assert.equal(await check(oldKey), false);
    const beforeRotation = activation.activatedAt;
    assert.ok(beforeRotation);
    assert.equal(await check(oldKey, beforeRotation), true);
    assert.equal(await check(newKey, beforeRotation), false);
  });

  it('refuse wrong rotation signatures with 422 and change nothing; the rotation is then spent (410)', async () => {
    const meterId = newMeterId();
    const key = newKeyPair();
    await registerActive(meterId, key);
    const inmetro = instanceOf('Inmetro');
    const before = await getMeter(inmetro, meterId);
    const next = newKeyPair();
    const impostor = newKeyPair();
    const issued = await issueRotation(inmetro, meterId, next);
    const path = `/meters/rotations/${issued.rotationId}/response`;
    const forged = await call(
      inmetro,
      'POST',
      path,
      {
        oldKeySignature: signData(impostor.privatePem, issued.statement),
        newKeySignature: signData(next.privatePem, issued.statement),
      },
      operatorOf(inmetro.org),
    );
    assert.deepEqual([forged.status, forged.body['code']], [422, 'SIGNATURE_INVALID']);
    assert.deepEqual(await getMeter(inmetro, meterId), before);
    const replay = await call(
      inmetro,
      'POST',
      path,
      {
        oldKeySignature: signData(key.privatePem, issued.statement),
        newKeySignature: signData(next.privatePem, issued.statement),
      },
      operatorOf(inmetro.org),
    );
    assert.deepEqual([replay.status, replay.body['code']], [410, 'CHALLENGE_UNKNOWN']);

    const withoutNewKey = await issueRotation(inmetro, meterId, next);
    const unsigned = await call(
      inmetro,
      'POST',
      `/meters/rotations/${withoutNewKey.rotationId}/response`,
      {
        oldKeySignature: signData(key.privatePem, withoutNewKey.statement),
        newKeySignature: signData(impostor.privatePem, withoutNewKey.statement),
      },
      operatorOf(inmetro.org),
    );
    assert.deepEqual([unsigned.status, unsigned.body['code']], [422, 'SIGNATURE_INVALID']);
    assert.deepEqual(await getMeter(inmetro, meterId), before);
  });
});
