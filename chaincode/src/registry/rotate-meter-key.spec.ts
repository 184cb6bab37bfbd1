import { RegistryEvents, meterKeyRotatedEventSchema } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import {
  HOUR,
  T0,
  activeMeter,
  attestBy,
  checkAt,
  contract,
  isoAt,
  newMeterKeys,
  readMeter,
  rotateRequest,
  signText,
  txAs,
} from './testing/registry-fixtures';

const METER = 'meter-0004';
const ROTATED_AT = T0 + 5 * HOUR;
const BEFORE = isoAt(T0 + 3 * HOUR);
const AFTER = isoAt(T0 + 7 * HOUR);
const DATA = 'meter-0004;reading 42;0.75 kWh';

function rotateTx(state: Map<string, Uint8Array>): ReturnType<typeof txAs> {
  return txAs('registrar', 'PTBMSP', { state, txId: 'tx-rotate', seconds: ROTATED_AT });
}

describe('rotateKey', () => {
  it('replaces the key, keeps the meter active and closes the old key in the history', async () => {
    const [oldKeys, newKeys] = [newMeterKeys(), newMeterKeys()];
    const state = await activeMeter(METER, oldKeys);
    const { ctx, stub } = rotateTx(state);
    await contract.rotateKey(ctx, JSON.stringify(rotateRequest(METER, oldKeys, newKeys)));
    const meter = await readMeter(state, METER);
    assert.deepEqual([meter.status, meter.keyFingerprint], ['active', newKeys.fingerprint]);
    assert.deepEqual(
      meter.keyHistory.map((key) => [key.keyFingerprint, key.validFrom, key.validTo]),
      [
        [oldKeys.fingerprint, isoAt(T0), isoAt(ROTATED_AT)],
        [newKeys.fingerprint, isoAt(ROTATED_AT), undefined],
      ],
    );
    assert.deepEqual(
      stub.events.map((event) => event.name),
      [RegistryEvents.meterKeyRotated],
    );
    const payload = meterKeyRotatedEventSchema.parse(JSON.parse(stub.events[0]?.payload ?? ''));
    assert.deepEqual(
      [payload.oldKeyFingerprint, payload.newKeyFingerprint, payload.by, payload.rotatedAt],
      [oldKeys.fingerprint, newKeys.fingerprint, 'PTBMSP', isoAt(ROTATED_AT)],
    );
  });

  it('checks data measured after the rotation with the new key and before it with the old key', async () => {
    const [oldKeys, newKeys] = [newMeterKeys(), newMeterKeys()];
    const state = await activeMeter(METER, oldKeys);
    await contract.rotateKey(rotateTx(state).ctx, JSON.stringify(rotateRequest(METER, oldKeys, newKeys)));
    const byOld = signText(oldKeys, DATA);
    const byNew = signText(newKeys, DATA);
    const verdict = async (signature: string, measuredAt: string): Promise<[boolean, string | undefined]> => {
      const check = await checkAt(state, { meterId: METER, data: DATA, signature, measuredAt });
      return [check.valid, check.keyFingerprint];
    };
    assert.deepEqual(await verdict(byNew, AFTER), [true, newKeys.fingerprint]);
    assert.deepEqual(await verdict(byOld, AFTER), [false, newKeys.fingerprint]);
    assert.deepEqual(await verdict(byOld, BEFORE), [true, oldKeys.fingerprint]);
    assert.deepEqual(await verdict(byNew, BEFORE), [false, oldKeys.fingerprint]);
    assert.deepEqual(await verdict(byNew, isoAt(ROTATED_AT)), [true, newKeys.fingerprint]);
  });

  it('refuses a rotation statement signed by the new key only, writing nothing', async () => {
    const [oldKeys, newKeys] = [newMeterKeys(), newMeterKeys()];
    const state = await activeMeter(METER, oldKeys);
    const before = new Map(state);
    const onlyNew = rotateRequest(METER, oldKeys, newKeys, { old: newKeys, new: newKeys });
    const { ctx, stub } = rotateTx(state);
    await assert.rejects(
      contract.rotateKey(ctx, JSON.stringify(onlyNew)),
      chaincodeErrorWithCode('SIGNATURE_INVALID'),
    );
    assert.deepEqual([stub.writtenKeys, stub.events, state], [[], [], before]);
  });

  it('refuses a rotation the new key did not sign', async () => {
    const [oldKeys, newKeys] = [newMeterKeys(), newMeterKeys()];
    const state = await activeMeter(METER, oldKeys);
    const onlyOld = rotateRequest(METER, oldKeys, newKeys, { old: oldKeys, new: oldKeys });
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, JSON.stringify(onlyOld)),
      chaincodeErrorWithCode('SIGNATURE_INVALID'),
    );
  });

  it('refuses a replayed nonce, a key the meter held before, and a malformed new key', async () => {
    const [firstKeys, secondKeys, thirdKeys] = [newMeterKeys(), newMeterKeys(), newMeterKeys()];
    const state = await activeMeter(METER, firstKeys);
    const first = rotateRequest(METER, firstKeys, secondKeys);
    await contract.rotateKey(rotateTx(state).ctx, JSON.stringify(first));
    const replay = { ...rotateRequest(METER, secondKeys, thirdKeys), nonce: first.nonce };
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, JSON.stringify(replay)),
      chaincodeErrorWithCode('NONCE_REUSED'),
    );
    const back = rotateRequest(METER, secondKeys, firstKeys);
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, JSON.stringify(back)),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
    const garbage = {
      ...back,
      newPublicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    };
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, JSON.stringify(garbage)),
      chaincodeErrorWithCode('KEY_INVALID'),
    );
  });

  it('refuses pending, revoked and unknown meters and callers without the registrar role', async () => {
    const [oldKeys, newKeys] = [newMeterKeys(), newMeterKeys()];
    const state = new Map<string, Uint8Array>();
    await attestBy(state, METER, oldKeys, ['PTBMSP']);
    const request = JSON.stringify(rotateRequest(METER, oldKeys, newKeys));
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, request),
      chaincodeErrorWithCode('METER_NOT_ACTIVE'),
    );
    const unknown = JSON.stringify(rotateRequest('meter-none', oldKeys, newKeys));
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, unknown),
      chaincodeErrorWithCode('METER_UNKNOWN'),
    );
    const auditor = txAs('auditor', 'PTBMSP', { state });
    await assert.rejects(contract.rotateKey(auditor.ctx, request), chaincodeErrorWithCode('ROLE_FORBIDDEN'));
    await contract.revoke(rotateTx(state).ctx, JSON.stringify({ meterId: METER, reason: 'x' }));
    await assert.rejects(
      contract.rotateKey(rotateTx(state).ctx, request),
      chaincodeErrorWithCode('METER_REVOKED'),
    );
  });
});
