import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../paths';
import { readBundleFingerprint } from './bundle-store';
import { CHAINCODE_BUNDLE_DIR } from './chaincode';
import {
  SPEED_LINE,
  chaincodeFingerprintOf,
  writeBundleVariant,
  writeEvilSpeedVariant,
} from './bundle-variant';

const scratch = path.join(REPO_ROOT, 'chaincode', `.bundle-spec-variant-${String(process.pid)}`);
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const built = existsSync(path.join(CHAINCODE_BUNDLE_DIR, 'fingerprint.json'))
  ? false
  : 'run npm run build first';

describe('bundle variants', { skip: built }, () => {
  it('computes the fingerprint the build wrote for the built bundle', () => {
    const stated = readBundleFingerprint(CHAINCODE_BUNDLE_DIR);
    const bytes = readFileSync(path.join(CHAINCODE_BUNDLE_DIR, 'index.js'));
    assert.equal(chaincodeFingerprintOf(bytes, stated.externals), stated.fingerprint);
  });

  it('gives changed code its own fingerprint, and refuses a patch that does not match exactly once', () => {
    const genuine = readBundleFingerprint(CHAINCODE_BUNDLE_DIR).fingerprint;
    const changed = writeBundleVariant(CHAINCODE_BUNDLE_DIR, path.join(scratch, 'changed'), [
      { find: SPEED_LINE, replace: `${SPEED_LINE} // changed` },
    ]);
    assert.notEqual(changed.fingerprint, genuine);
    assert.equal(changed.claimed, changed.fingerprint);
    assert.equal(readBundleFingerprint(changed.dir).fingerprint, changed.fingerprint);
    assert.throws(
      () =>
        writeBundleVariant(CHAINCODE_BUNDLE_DIR, path.join(scratch, 'x'), [
          { find: 'no such text', replace: '' },
        ]),
      /exactly one occurrence/,
    );
  });

  it('writes an evil variant that claims the genuine fingerprint while its bytes differ', () => {
    const genuine = readBundleFingerprint(CHAINCODE_BUNDLE_DIR).fingerprint;
    const evil = writeEvilSpeedVariant(CHAINCODE_BUNDLE_DIR, path.join(scratch, 'evil'));
    assert.equal(evil.claimed, genuine);
    assert.notEqual(evil.fingerprint, genuine);
    const code = readFileSync(path.join(evil.dir, 'index.js'), 'utf8');
    assert.match(code, /KMH_PER_MS \* 1\.01;/);
    assert.ok(code.includes(`fingerprint: "${genuine}",`));
  });
});
