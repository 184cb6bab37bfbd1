import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { computeCodeFingerprint, listFingerprintedFiles } from './code-fingerprint';
import { LR_FINGERPRINT } from './lr-fingerprint';

const libraryDist = path.resolve(__dirname, '..');

describe('LR_FINGERPRINT', () => {
  it('is a SHA-256 in lowercase hex, stable across computations', () => {
    assert.match(LR_FINGERPRINT, /^[0-9a-f]{64}$/);
    assert.equal(computeCodeFingerprint(libraryDist), LR_FINGERPRINT);
    assert.equal(computeCodeFingerprint(libraryDist), computeCodeFingerprint(libraryDist));
  });

  it('covers the algorithms and the code that dispatches to them, not the tests', () => {
    const files = listFingerprintedFiles(libraryDist);
    for (const file of ['compute-measurement.js', 'speed/activation-time.js', 'energy/compute-energy.js']) {
      assert.ok(files.includes(file), file);
    }
    assert.ok(files.every((file) => !file.endsWith('.spec.js')));
  });
});
