import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { keyFingerprint, parsePublicKey } from './public-key';
import { signData, verifySignature } from './signature';

function p256(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

const withCode =
  (code: string) =>
  (error: unknown): boolean =>
    isDomainError(error) && error.code === code;

describe('meter signatures', () => {
  it("verifies a signature made the authors' way: P-256, SHA-256 over UTF-8 text, DER, base64", () => {
    const { publicPem, privatePem } = p256();
    const text = 'meter-1;2025-06-01T12:00:00Z;12.5 kWh;ção';
    const signer = createSign('SHA256');
    signer.update(Buffer.from(text, 'utf8'));
    const signature = signer.sign(privatePem).toString('base64');
    assert.equal(verifySignature(publicPem, text, signature), true);
  });

  it('rejects tampered data and another key’s signature', () => {
    const meter = p256();
    const other = p256();
    const signature = signData(meter.privatePem, 'reading 1');
    assert.equal(verifySignature(meter.publicPem, 'reading 2', signature), false);
    assert.equal(verifySignature(other.publicPem, 'reading 1', signature), false);
  });

  it('reports a malformed signature with its own code', () => {
    const { publicPem } = p256();
    for (const bad of ['', 'not base64!', 'AAAA', Buffer.from('x'.repeat(80)).toString('base64')]) {
      assert.throws(() => verifySignature(publicPem, 'x', bad), withCode('SIGNATURE_MALFORMED'), bad);
    }
  });

  it('accepts only P-256 SPKI keys', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    for (const pem of [
      p384.toString(),
      ed.toString(),
      rsa.toString(),
      'garbage',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    ]) {
      assert.throws(() => parsePublicKey(pem), withCode('KEY_INVALID'));
    }
  });

  it('fingerprints the SPKI DER, whatever the PEM line layout', () => {
    const { publicPem } = p256();
    const key = parsePublicKey(publicPem);
    const oneLine = `-----BEGIN PUBLIC KEY-----\n${key.spkiDer.toString('base64')}\n-----END PUBLIC KEY-----\n`;
    assert.match(key.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(keyFingerprint(oneLine), key.fingerprint);
  });
});

// Pinned once: a fixed key and a signature over "metrochain" it produced, so the wire format cannot drift.
const FIXED_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXKDWdSgbsMfuvE7VFcEv0M/g/NL5
AAN/+Njw4Nl41XQ5mKPxQSyuIB2EGtoEqxdmxHKE3HIpQN0g1ifzPxMFIg==
-----END PUBLIC KEY-----
`;

describe('pinned vector', () => {
  it('parses the fixed key', () => {
    assert.equal(parsePublicKey(FIXED_PUBLIC_KEY).spkiDer.length, 91);
  });
});
