import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readVerifiedBundleFingerprint, storeBundle } from './bundle-store';
import { computeChaincodeFingerprint } from './chaincode-fingerprint';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'lr-identity-'));
const externals = { 'fabric-shim': { version: '2.5.8', integrity: 'sha512-x' } };

function bundle(name: string, code: string, claim?: string): string {
  const dir = path.join(scratch, name);
  const bytes = Buffer.from(code);
  const fingerprint = claim ?? computeChaincodeFingerprint(bytes, externals);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.js'), bytes);
  writeFileSync(
    path.join(dir, 'fingerprint.json'),
    JSON.stringify({ chaincodeVersion: '0.1.0', fingerprint, bundleSha256: 'x', externals }),
  );
  return dir;
}

describe('LR bundle identity', () => {
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('fingerprints the bytes and the externals, as SHA-256 over both with separators', () => {
    const bytes = Buffer.from('module.exports = 1;');
    const expected = createHash('sha256')
      .update('bundle\0')
      .update(bytes)
      .update('\0externals\0')
      .update('{"fabric-shim":{"integrity":"sha512-x","version":"2.5.8"}}')
      .digest('hex');
    assert.equal(computeChaincodeFingerprint(bytes, externals), expected);
    assert.notEqual(computeChaincodeFingerprint(Buffer.from('module.exports = 2;'), externals), expected);
  });

  it('stores a bundle under its fingerprint once, and refuses one whose bytes do not match its claim', () => {
    const store = path.join(scratch, 'store');
    const genuine = bundle('genuine', 'module.exports = "genuine";');
    const stored = storeBundle(genuine, store);
    assert.equal(path.basename(stored), readVerifiedBundleFingerprint(genuine).fingerprint);
    assert.equal(readFileSync(path.join(stored, 'index.js'), 'utf8'), 'module.exports = "genuine";');
    assert.equal(storeBundle(genuine, store), stored);

    const liar = bundle('liar', 'module.exports = "evil";', path.basename(stored));
    assert.throws(() => readVerifiedBundleFingerprint(liar), /fingerprint\.json says/);
    assert.throws(() => storeBundle(liar, store), /fingerprint\.json says/);
    // Unverified, the claimed build is stored already: nothing is overwritten.
    assert.equal(storeBundle(liar, store, { verify: false }), stored);
    assert.equal(readFileSync(path.join(stored, 'index.js'), 'utf8'), 'module.exports = "genuine";');
    assert.ok(!existsSync(`${stored}.partial-${String(process.pid)}`));
  });
});
