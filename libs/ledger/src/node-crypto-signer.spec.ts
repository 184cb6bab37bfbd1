import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { encodeDerSignature, newNodeCryptoSigner } from './node-crypto-signer';

const HALF_ORDER = 0x7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8n;

function sValueOf(der: Uint8Array): bigint {
  const bytes = Buffer.from(der);
  const rLength = bytes[3] ?? 0;
  const sOffset = 4 + rLength;
  const sLength = bytes[sOffset + 1] ?? 0;
  return BigInt(`0x${bytes.subarray(sOffset + 2, sOffset + 2 + sLength).toString('hex')}`);
}

describe('newNodeCryptoSigner', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signer = newNodeCryptoSigner(privateKey);

  it('signs the message with SHA-256 so that OpenSSL verifies it, always with a low S', async () => {
    for (let i = 0; i < 64; i += 1) {
      const message = Buffer.from(`proposal ${String(i)}`);
      const signature = await signer(message);
      assert.equal(verify('sha256', message, publicKey, signature), true);
      assert.ok(sValueOf(signature) <= HALF_ORDER, `high S in signature ${String(i)}`);
      assert.equal(verify('sha256', Buffer.from('other'), publicKey, signature), false);
    }
  });

  it('refuses a key that is not P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    assert.throws(() => newNodeCryptoSigner(rsa), TypeError);
    assert.throws(() => newNodeCryptoSigner(p384), TypeError);
  });
});

describe('encodeDerSignature', () => {
  it('encodes minimal integers, padding a leading high bit with a zero byte', () => {
    assert.deepEqual(Buffer.from(encodeDerSignature(1n, 0x80n)).toString('hex'), '3007020101020200' + '80');
    assert.deepEqual(Buffer.from(encodeDerSignature(0x7fn, 0x0100n)).toString('hex'), '300702017f02020100');
  });
});
