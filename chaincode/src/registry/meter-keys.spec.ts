import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chaincodeErrorWithCode } from '../testing/chaincode-error-matcher';
import { cachedMeterKey, readMeterKey } from './meter-keys';
import { newMeterKeys } from './testing/registry-fixtures';

describe('meter keys', () => {
  it('parses a PEM once per chaincode server and answers the same key after', () => {
    const { publicKeyPem, fingerprint } = newMeterKeys();
    const first = cachedMeterKey(publicKeyPem);
    assert.equal(cachedMeterKey(publicKeyPem), first);
    assert.deepEqual([first.fingerprint, first.pem], [fingerprint, readMeterKey(publicKeyPem).pem]);
  });

  it('does not remember a key that fails: KEY_INVALID every time', () => {
    const { publicKeyPem } = newMeterKeys('secp384r1');
    assert.throws(() => cachedMeterKey(publicKeyPem), chaincodeErrorWithCode('KEY_INVALID'));
    assert.throws(() => cachedMeterKey(publicKeyPem), chaincodeErrorWithCode('KEY_INVALID'));
  });
});
