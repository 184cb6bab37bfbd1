import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DomainError } from '@metrochain/errors';
import { keyFingerprint } from '@metrochain/pki';
import { cli } from '../testing/run-cli';
import { keyPairPaths, loadKeyPair, loadPublicKey, privateKeyFromPem } from './key-files';

const coded = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;
const scratch = (): string => mkdtempSync(path.join(tmpdir(), 'pki-cli-keys-'));

describe('keygen', () => {
  it('writes a PKCS#8 private key with mode 0600 and the SPKI public key, and prints its fingerprint', async () => {
    const dir = path.join(scratch(), 'meter-7/');
    const run = await cli(['keygen', '--out', dir]);
    assert.equal(run.code, 0, run.stderr);
    const output = run.json();
    assert.deepEqual(output, {
      fingerprint: output['fingerprint'],
      privateKeyFile: path.join(dir, 'meter.key.pem'),
      publicKeyFile: path.join(dir, 'meter.pub.pem'),
    });
    assert.equal(statSync(path.join(dir, 'meter.key.pem')).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const pair = loadKeyPair(path.join(dir, 'meter.key.pem'), path.join(dir, 'meter.pub.pem'));
    assert.equal(pair.privateKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.equal(output['fingerprint'], pair.publicKey.fingerprint);
    assert.equal(output['fingerprint'], keyFingerprint(pair.publicKey.pem));
  });

  it('takes a prefix, and never overwrites a key file', async () => {
    const prefix = path.join(scratch(), 'm1');
    assert.equal((await cli(['keygen', '--out', prefix])).code, 0);
    assert.deepEqual(keyPairPaths(prefix), {
      folder: undefined,
      privateKey: `${prefix}.key.pem`,
      publicKey: `${prefix}.pub.pem`,
    });
    const before = loadPublicKey(`${prefix}.pub.pem`).fingerprint;
    const again = await cli(['keygen', '--out', prefix]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^FILE_EXISTS: .*m1\.key\.pem exists/);
    assert.equal(loadPublicKey(`${prefix}.pub.pem`).fingerprint, before);
  });
});

describe('key files', () => {
  it('read SEC1 private keys as the authors’ python-ecdsa clients write them', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const sec1 = privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    assert.match(sec1, /^-----BEGIN EC PRIVATE KEY-----/);
    const pair = privateKeyFromPem(sec1, 'meter.pem');
    assert.equal(
      pair.publicKey.fingerprint,
      keyFingerprint(publicKey.export({ format: 'pem', type: 'spki' }).toString()),
    );
  });

  it('refuse RSA, other curves, encrypted keys and garbage as KEY_INVALID', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: 'secret',
    });
    for (const pem of [
      rsa.export({ format: 'pem', type: 'pkcs8' }).toString(),
      p384.export({ format: 'pem', type: 'pkcs8' }).toString(),
      encrypted.toString(),
      'not a key',
    ]) {
      assert.throws(() => privateKeyFromPem(pem, 'x.pem'), coded('KEY_INVALID'));
    }
  });

  it('name the file of a bad public key, and refuse a public key that is not the private key’s', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'bad.pub.pem'), 'garbage');
    assert.throws(
      () => loadPublicKey(path.join(dir, 'bad.pub.pem')),
      (error: unknown) => coded('KEY_INVALID')(error) && (error as Error).message.startsWith(dir),
    );
    const one = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const two = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(path.join(dir, 'one.key.pem'), one.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    writeFileSync(path.join(dir, 'two.pub.pem'), two.publicKey.export({ format: 'pem', type: 'spki' }));
    assert.throws(
      () => loadKeyPair(path.join(dir, 'one.key.pem'), path.join(dir, 'two.pub.pem')),
      coded('KEY_PAIR_MISMATCH'),
    );
  });
});
