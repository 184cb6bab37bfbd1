import assert from 'node:assert/strict';
import { createECDH, createHash, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { PkiErrorCode } from './pki-error';
import { keyFingerprint, parsePublicKey } from './public-key';

const isKeyInvalid = (error: unknown): boolean =>
  isDomainError(error) && error.code === PkiErrorCode.KEY_INVALID;

const toPem = (der: Buffer): string =>
  `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;

function p256Pem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ format: 'pem', type: 'spki' })
    .toString();
}

const P256_SPKI_HEADER = (points: number): string =>
  `30${(points + 24).toString(16)}301306072a8648ce3d020106082a8648ce3d03010703${(points + 1).toString(16)}00`;

describe('parsePublicKey', () => {
  it('reads a P-256 SPKI PEM and fingerprints its DER with SHA-256', () => {
    const pem = p256Pem();
    const key = parsePublicKey(pem);
    const body = pem.replace(/-----[A-Z ]+-----|\s/g, '');
    const der = Buffer.from(body, 'base64');
    assert.equal(key.keyObject.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.deepEqual(key.spkiDer, der);
    assert.equal(key.fingerprint, createHash('sha256').update(der).digest('hex'));
    assert.equal(keyFingerprint(key), key.fingerprint);
    assert.equal(key.pem, pem);
  });

  it('gives one fingerprint whatever the PEM line layout or point compression', () => {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const uncompressed = Buffer.concat([
      Buffer.from(P256_SPKI_HEADER(65), 'hex'),
      ecdh.getPublicKey(null, 'uncompressed'),
    ]);
    const compressed = Buffer.concat([
      Buffer.from(P256_SPKI_HEADER(33), 'hex'),
      ecdh.getPublicKey(null, 'compressed'),
    ]);
    const expected = createHash('sha256').update(uncompressed).digest('hex');
    const wrapped = toPem(uncompressed).replace(/(.{64})/g, '$1\r\n');
    assert.equal(keyFingerprint(toPem(uncompressed)), expected);
    assert.equal(keyFingerprint(`  ${wrapped}  `), expected);
    const fromCompressed = parsePublicKey(toPem(compressed));
    assert.equal(fromCompressed.fingerprint, expected);
    assert.deepEqual(fromCompressed.spkiDer, uncompressed);
    assert.deepEqual(fromCompressed.keyObject.export({ format: 'der', type: 'spki' }), uncompressed);
  });

  it('refuses other curves and algorithms with KEY_INVALID', () => {
    const spki = { format: 'pem', type: 'spki' } as const;
    const others = [
      generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export(spki),
      generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export(spki),
      generateKeyPairSync('ed25519').publicKey.export(spki),
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export(spki),
    ];
    for (const pem of others) {
      assert.throws(() => parsePublicKey(pem.toString()), isKeyInvalid);
    }
  });

  it('refuses what is not one SPKI PEM block with KEY_INVALID', () => {
    const pem = p256Pem();
    const der = parsePublicKey(pem).spkiDer;
    const privatePem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const bad = [
      '',
      'garbage',
      der.toString('base64'),
      privatePem,
      pem.replace(/PUBLIC KEY/g, 'CERTIFICATE'),
      `${pem}${pem}`,
      toPem(Buffer.from('AAAA', 'base64')),
      toPem(Buffer.concat([der, Buffer.from([0])])),
      toPem(der.subarray(0, der.length - 1)),
      pem.replace('MFkw', 'MFkw!'),
      `${pem}${' '.repeat(4096)}`,
    ];
    for (const input of bad) {
      assert.throws(() => parsePublicKey(input), isKeyInvalid, JSON.stringify(input.slice(0, 40)));
    }
  });

  it('refuses input that is not a string', () => {
    assert.throws(() => parsePublicKey(42 as unknown as string), isKeyInvalid);
  });
});
