import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { MANUFACTURER, bearer, tokenOf } from './support/principals';
import { TEST_MODEL, approveModel } from './support/registration-api';

const REGISTRATION = 'http://127.0.0.1:3001';

/** As the manufacturer the local network provisions. */
async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${REGISTRATION}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(tokenOf(MANUFACTURER)) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('registration API (PTB instance) on the real network', () => {
  before(() => approveModel(TEST_MODEL));

  it('issues a single-use challenge and attests the meter when it answers with its key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const meterId = `api-meter-${randomUUID()}`;
    const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const challenge = await post('/meters/registrations', { meterId, model: 'LOOP-2', publicKeyPem });
    assert.equal(challenge.status, 201);
    const statement = String(challenge.body['statement']);
    assert.match(statement, /"attester":"PTBMSP"/);

    const signature = sign('sha256', Buffer.from(statement), {
      key: privateKey,
      dsaEncoding: 'der',
    }).toString('base64');
    const path = `/meters/registrations/${String(challenge.body['challengeId'])}/response`;
    const answered = await post(path, { signature });
    assert.equal(answered.status, 200);
    assert.equal(answered.body['status'], 'pending');
    assert.equal(typeof answered.body['transactionId'], 'string');

    const replay = await post(path, { signature });
    assert.deepEqual([replay.status, replay.body['code']], [410, 'CHALLENGE_UNKNOWN']);

    const record = await fetch(`${REGISTRATION}/meters/${meterId}`);
    assert.equal(record.status, 200);
  });

  it('refuses a malformed key with KEY_INVALID and a wrong-key answer with SIGNATURE_INVALID', async () => {
    const meterId = `api-meter-${randomUUID()}`;
    const badKey = await post('/meters/registrations', {
      meterId,
      model: 'LOOP-2',
      publicKeyPem: 'not a key',
    });
    assert.deepEqual([badKey.status, badKey.body['code']], [422, 'KEY_INVALID']);

    const meter = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const impostor = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyPem = meter.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const challenge = await post('/meters/registrations', { meterId, model: 'LOOP-2', publicKeyPem });
    const statement = String(challenge.body['statement']);
    const forged = sign('sha256', Buffer.from(statement), {
      key: impostor.privateKey,
      dsaEncoding: 'der',
    }).toString('base64');
    const answered = await post(`/meters/registrations/${String(challenge.body['challengeId'])}/response`, {
      signature: forged,
    });
    assert.deepEqual([answered.status, answered.body['code']], [422, 'SIGNATURE_INVALID']);
    const record = await fetch(`${REGISTRATION}/meters/${meterId}`);
    assert.equal(record.status, 404);
  });
});
