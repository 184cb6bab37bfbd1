import assert from 'node:assert/strict';
import { createSign } from 'node:crypto';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { newStubContext } from '../testing/stub-context';
import {
  HOUR,
  T0,
  activeMeter,
  attestBy,
  checkAt,
  contract,
  isoAt,
  newMeterKeys,
  signText,
} from './testing/registry-fixtures';

const METER = 'meter-0003';
const DATA = 'Bomba 3;2026-01-01T05:00:00Z;Gasolina;40.00 L;R$ 239,60';

describe('checkSignature', () => {
  it('verifies a signature produced the authors\u2019 way: P-256, SHA-256 over UTF-8 text, DER, base64', async () => {
    const keys = newMeterKeys();
    const state = await activeMeter(METER, keys);
    const signer = createSign('SHA256');
    signer.update(DATA, 'utf8');
    const signature = signer.sign(keys.privateKey, 'base64');
    const check = await checkAt(state, { meterId: METER, data: DATA, signature });
    assert.deepEqual(check, {
      meterId: METER,
      valid: true,
      status: 'active',
      measuredAt: isoAt(T0 + 10 * HOUR),
      keyFingerprint: keys.fingerprint,
      attestedBy: ['PTBMSP', 'LNEMSP'],
    });
  });

  it('is invalid for altered data, another key and data measured while the meter was pending', async () => {
    const keys = newMeterKeys();
    const state = await activeMeter(METER, keys);
    const signature = signText(keys, DATA);
    assert.equal((await checkAt(state, { meterId: METER, data: `${DATA} `, signature })).valid, false);
    const foreign = signText(newMeterKeys(), DATA);
    assert.equal((await checkAt(state, { meterId: METER, data: DATA, signature: foreign })).valid, false);
    const early = await checkAt(state, { meterId: METER, data: DATA, signature, measuredAt: isoAt(T0) });
    assert.deepEqual([early.valid, early.status], [false, 'pending']);
  });

  it('reports a pending meter as pending and never valid', async () => {
    const keys = newMeterKeys();
    const state = new Map<string, Uint8Array>();
    await attestBy(state, METER, keys, ['PTBMSP']);
    const check = await checkAt(state, { meterId: METER, data: DATA, signature: signText(keys, DATA) });
    assert.deepEqual([check.valid, check.status, check.attestedBy], [false, 'pending', ['PTBMSP']]);
  });

  it('answers an unknown meter with status unknown instead of failing', async () => {
    const signature = signText(newMeterKeys(), DATA);
    const check = await checkAt(new Map(), {
      meterId: 'meter-none',
      data: DATA,
      signature,
      measuredAt: isoAt(T0),
    });
    assert.deepEqual(check, {
      meterId: 'meter-none',
      valid: false,
      status: 'unknown',
      measuredAt: isoAt(T0),
      attestedBy: [],
    });
  });

  it('fails with SIGNATURE_MALFORMED for base64 that is not a DER signature, and never writes', async () => {
    const keys = newMeterKeys();
    const state = await activeMeter(METER, keys);
    const { ctx, stub } = newStubContext({ state });
    const request = JSON.stringify({ meterId: METER, data: DATA, signature: 'AAAAAAAA' });
    await assert.rejects(
      contract.checkSignature(ctx, request),
      chaincodeErrorWithCode('SIGNATURE_MALFORMED'),
    );
    await contract.checkSignature(
      ctx,
      JSON.stringify({ meterId: METER, data: DATA, signature: signText(keys, DATA) }),
    );
    assert.deepEqual([stub.writtenKeys, stub.events], [[], []]);
  });

  it('refuses requests outside the schema with INVALID_ARGUMENT', async () => {
    const { ctx } = newStubContext();
    const request = JSON.stringify({
      meterId: METER,
      data: DATA,
      signature: 'AAAA',
      measuredAt: 'yesterday',
    });
    await assert.rejects(contract.checkSignature(ctx, request), chaincodeErrorWithCode('INVALID_ARGUMENT'));
    await assert.rejects(
      contract.checkSignature(ctx, 'not json'),
      chaincodeErrorWithCode('INVALID_ARGUMENT'),
    );
  });
});
