import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { cli } from '../testing/run-cli';

const DATA = '{"speed_kmh": 87.4, "plate": "ABC1D23", "note": "Geschwindigkeitsüberschreitung"}';

describe('signing as meters do (compatibility)', () => {
  let dir: string;
  let key: string;
  let pub: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pki-cli-sign-'));
    const generated = (await cli(['keygen', '--out', path.join(dir, 'meter')])).json();
    key = String(generated['privateKeyFile']);
    pub = String(generated['publicKeyFile']);
  });

  async function signature(...input: string[]): Promise<string> {
    const run = await cli(['sign', '--key', key, ...input], { stdin: DATA });
    assert.equal(run.code, 0, run.stderr);
    return String(run.json()['signature']);
  }

  it('makes a DER signature in standard base64 that plain node:crypto verifies over the UTF-8 text', async () => {
    const signed = await signature('--data', DATA);
    const der = Buffer.from(signed, 'base64');
    assert.equal(der.toString('base64'), signed);
    assert.equal(der[0], 0x30);
    const publicKey = createPublicKey(readFileSync(pub));
    assert.equal(
      verify('sha256', Buffer.from(DATA, 'utf8'), { key: publicKey, dsaEncoding: 'der' }, der),
      true,
    );
  });

  it('makes signatures `openssl dgst -sha256 -verify` accepts', async () => {
    writeFileSync(path.join(dir, 'data.txt'), DATA);
    writeFileSync(
      path.join(dir, 'sig.der'),
      Buffer.from(await signature('--file', path.join(dir, 'data.txt')), 'base64'),
    );
    const out = execFileSync(
      'openssl',
      [
        'dgst',
        '-sha256',
        '-verify',
        pub,
        '-signature',
        path.join(dir, 'sig.der'),
        path.join(dir, 'data.txt'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(out.trim(), 'Verified OK');
  });

  it('verifies offline what OpenSSL signed, exit 0, and answers 3 for other data', async () => {
    writeFileSync(path.join(dir, 'openssl.txt'), DATA);
    const der = execFileSync('openssl', ['dgst', '-sha256', '-sign', key, path.join(dir, 'openssl.txt')]);
    const args = ['verify-local', '--pub', pub, '--signature', der.toString('base64')];
    const valid = await cli([...args, '--file', '-'], { stdin: DATA });
    assert.equal(valid.code, 0, valid.stderr);
    assert.equal(valid.json()['valid'], true);
    const invalid = await cli([...args, '--data', `${DATA} `]);
    assert.deepEqual([invalid.code, invalid.json()['valid']], [3, false]);
  });

  it('signs the same text from --data, --file and standard input', async () => {
    writeFileSync(path.join(dir, 'same.txt'), DATA);
    for (const signed of [
      await signature('--file', path.join(dir, 'same.txt')),
      await signature('--file', '-'),
    ]) {
      const run = await cli(['verify-local', '--pub', pub, '--data', DATA, '--signature', signed]);
      assert.equal(run.code, 0);
    }
  });

  it('refuses a file that is not UTF-8 text and a malformed signature, exit 1', async () => {
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]));
    const latin1 = await cli(['sign', '--key', key, '--file', path.join(dir, 'latin1.txt')]);
    assert.equal(latin1.code, 1);
    assert.match(latin1.stderr, /^FILE_UNREADABLE: .*not UTF-8 text/);
    const malformed = await cli(['verify-local', '--pub', pub, '--data', DATA, '--signature', 'AAAA']);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /^SIGNATURE_MALFORMED: /);
  });

  it('prints the same fingerprint for the public and the private key file', async () => {
    const fromPub = (await cli(['fingerprint', '--pub', pub])).json();
    const fromKey = (await cli(['fingerprint', '--key', key])).json();
    assert.deepEqual(fromPub, fromKey);
    assert.match(String(fromPub['fingerprint']), /^[0-9a-f]{64}$/);
    assert.equal(fromPub['publicKeyPem'], readFileSync(pub, 'utf8'));
  });
});
