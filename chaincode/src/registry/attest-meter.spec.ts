import { RegistryEvents, meterActivatedEventSchema, meterRecordSchema } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import {
  HOUR,
  MODEL,
  T0,
  activeMeter,
  attestBy,
  attestRequest,
  contract,
  isoAt,
  newMeterKeys,
  readMeter,
  txAs,
} from './testing/registry-fixtures';

const METER = 'meter-0001';

async function attestAs(
  state: Map<string, Uint8Array>,
  msp: string,
  request: object,
): Promise<ReturnType<typeof txAs>> {
  const tx = txAs('registrar', msp, { state, txId: `tx-${msp}` });
  await contract.attest(tx.ctx, JSON.stringify(request));
  return tx;
}

async function rejectsWithoutWriting(
  state: Map<string, Uint8Array>,
  msp: string,
  request: object,
  code: Parameters<typeof chaincodeErrorWithCode>[0],
): Promise<void> {
  const before = new Map(state);
  const { ctx, stub } = txAs('registrar', msp, { state, txId: 'tx-refused' });
  await assert.rejects(contract.attest(ctx, JSON.stringify(request)), chaincodeErrorWithCode(code));
  assert.deepEqual([stub.writtenKeys, stub.events], [[], []]);
  assert.deepEqual(state, before);
}

describe('attest', () => {
  it('leaves a meter attested by one NMI pending, with the key fixed and an attested event', async () => {
    const keys = newMeterKeys();
    const state = new Map<string, Uint8Array>();
    const { stub } = await attestAs(state, 'PTBMSP', attestRequest(METER, keys, 'PTBMSP'));
    const meter = await readMeter(state, METER);
    assert.equal(meter.status, 'pending');
    assert.equal(meter.keyFingerprint, keys.fingerprint);
    assert.equal(meter.model, MODEL);
    assert.deepEqual(meter.attestations, [
      { msp: 'PTBMSP', keyFingerprint: keys.fingerprint, at: isoAt(T0), txId: 'tx-PTBMSP' },
    ]);
    assert.deepEqual(meter.keyHistory, [
      { keyFingerprint: keys.fingerprint, publicKeyPem: meter.publicKeyPem, validFrom: isoAt(T0) },
    ]);
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [RegistryEvents.meterAttested],
    );
  });

  it('activates the meter on the second distinct NMI and emits one activated event with the attestation', async () => {
    const keys = newMeterKeys();
    const state = new Map<string, Uint8Array>();
    await attestBy(state, METER, keys, ['PTBMSP']);
    const { ctx, stub } = txAs('registrar', 'LNEMSP', { state, txId: 'tx-lne', seconds: T0 + HOUR });
    const meter = meterRecordSchema.parse(
      JSON.parse(await contract.attest(ctx, JSON.stringify(attestRequest(METER, keys, 'LNEMSP')))),
    );
    assert.equal(meter.status, 'active');
    assert.equal(meter.activatedAt, isoAt(T0 + HOUR));
    assert.equal(stub.events.length, 1);
    const [event] = stub.events;
    assert.equal(event?.name, RegistryEvents.meterActivated);
    const payload = meterActivatedEventSchema.parse(JSON.parse(event.payload));
    assert.deepEqual(payload.attestedBy, ['PTBMSP', 'LNEMSP']);
    assert.deepEqual(payload.attestation, {
      msp: 'LNEMSP',
      keyFingerprint: keys.fingerprint,
      at: isoAt(T0 + HOUR),
      txId: 'tx-lne',
    });
  });

  it('refuses a second attestation by the same NMI and writes nothing', async () => {
    const keys = newMeterKeys();
    const state = new Map<string, Uint8Array>();
    await attestBy(state, METER, keys, ['PTBMSP']);
    await rejectsWithoutWriting(state, 'PTBMSP', attestRequest(METER, keys, 'PTBMSP'), 'ALREADY_ATTESTED');
  });

  it('refuses a proof of possession made with another key', async () => {
    const keys = newMeterKeys();
    const impostor = attestRequest(METER, newMeterKeys(), 'PTBMSP');
    const request = { ...impostor, publicKeyPem: keys.publicKeyPem };
    await rejectsWithoutWriting(new Map(), 'PTBMSP', request, 'SIGNATURE_INVALID');
  });

  it('refuses a proof of possession made for another attester', async () => {
    const keys = newMeterKeys();
    const forLne = attestRequest(METER, keys, 'LNEMSP');
    await rejectsWithoutWriting(new Map(), 'PTBMSP', forLne, 'SIGNATURE_INVALID');
  });

  it('refuses keys that are not ECDSA P-256 SPKI', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const p384 = newMeterKeys('secp384r1').publicKeyPem;
    const garbage = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
    for (const publicKeyPem of [rsa, p384, garbage]) {
      const request = { ...attestRequest(METER, newMeterKeys(), 'PTBMSP'), publicKeyPem };
      await rejectsWithoutWriting(new Map(), 'PTBMSP', request, 'KEY_INVALID');
    }
  });

  it('accepts a nonce once per attester', async () => {
    const state = new Map<string, Uint8Array>();
    const first = attestRequest('meter-a', newMeterKeys(), 'PTBMSP');
    await attestAs(state, 'PTBMSP', first);
    const replay = attestRequest('meter-b', newMeterKeys(), 'PTBMSP', { nonce: first.nonce });
    await rejectsWithoutWriting(state, 'PTBMSP', replay, 'NONCE_REUSED');
    await attestAs(
      state,
      'LNEMSP',
      attestRequest('meter-b', newMeterKeys(), 'LNEMSP', { nonce: first.nonce }),
    );
  });

  it('refuses callers without the registrar role', async () => {
    const { ctx, stub } = txAs('verifier', 'PTBMSP');
    const request = JSON.stringify(attestRequest(METER, newMeterKeys(), 'PTBMSP'));
    await assert.rejects(contract.attest(ctx, request), chaincodeErrorWithCode('ROLE_FORBIDDEN'));
    assert.equal(stub.writtenKeys.length, 0);
  });

  it('refuses an attestation of another key than the one already attested', async () => {
    const state = new Map<string, Uint8Array>();
    await attestBy(state, METER, newMeterKeys(), ['PTBMSP']);
    await rejectsWithoutWriting(
      state,
      'LNEMSP',
      attestRequest(METER, newMeterKeys(), 'LNEMSP'),
      'KEY_MISMATCH',
    );
  });

  it('refuses another model than the one already attested', async () => {
    const keys = newMeterKeys();
    const state = new Map<string, Uint8Array>();
    await attestBy(state, METER, keys, ['PTBMSP']);
    const request = attestRequest(METER, keys, 'LNEMSP', { model: 'EM-999' });
    await rejectsWithoutWriting(state, 'LNEMSP', request, 'MODEL_MISMATCH');
  });

  it('refuses models outside a restricted list and activates after k attestations as configured', async () => {
    const state = new Map<string, Uint8Array>();
    const config = JSON.stringify({ requiredAttestations: 1, approvedModels: [MODEL] });
    await contract.setRegistryConfig(txAs('governance', 'PTBMSP', { state }).ctx, config);
    const other = attestRequest(METER, newMeterKeys(), 'PTBMSP', { model: 'EM-999' });
    await rejectsWithoutWriting(state, 'PTBMSP', other, 'MODEL_NOT_APPROVED');
    const { stub } = await attestAs(state, 'PTBMSP', attestRequest(METER, newMeterKeys(), 'PTBMSP'));
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [RegistryEvents.meterActivated],
    );
  });

  it('records further attestations of an active meter without activating it again', async () => {
    const keys = newMeterKeys();
    const state = await activeMeter(METER, keys);
    const { stub } = await attestAs(state, 'INMETROMSP', attestRequest(METER, keys, 'INMETROMSP'));
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [RegistryEvents.meterAttested],
    );
    const meter = await readMeter(state, METER);
    assert.equal(meter.activatedAt, isoAt(T0 + HOUR));
    assert.equal(meter.attestations.length, 3);
  });

  it('refuses attestations of a revoked meter', async () => {
    const keys = newMeterKeys();
    const state = await activeMeter(METER, keys);
    const revoke = JSON.stringify({ meterId: METER, reason: 'seal broken' });
    await contract.revoke(txAs('registrar', 'PTBMSP', { state, seconds: T0 + 2 * HOUR }).ctx, revoke);
    await rejectsWithoutWriting(
      state,
      'INMETROMSP',
      attestRequest(METER, keys, 'INMETROMSP'),
      'METER_REVOKED',
    );
  });

  it('refuses malformed requests with INVALID_ARGUMENT', async () => {
    await rejectsWithoutWriting(new Map(), 'PTBMSP', { meterId: METER }, 'INVALID_ARGUMENT');
  });
});
