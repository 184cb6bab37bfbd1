import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { computeCodeFingerprint, listFingerprintedFiles } from './code-fingerprint';

const scratch = mkdtempSync(path.join(tmpdir(), 'metrochain-fingerprint-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let nextTree = 0;
/** Writes `files` (relative path → content) in the given order into a fresh directory. */
function writeTree(files: readonly (readonly [string, string])[]): string {
  const root = path.join(scratch, `tree-${nextTree++}`);
  for (const [relativePath, content] of files) {
    const file = path.join(root, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

const BASE: readonly (readonly [string, string])[] = [
  ['index.js', 'exports.contracts = [];'],
  ['governance/governance.contract.js', 'class GovernanceContract {}'],
  ['common/state.js', 'exports.put = 1;'],
];

describe('listFingerprintedFiles', () => {
  it('takes compiled .js files only, by sorted /-separated relative path', () => {
    const root = writeTree([
      ...BASE,
      ['common/state.spec.js', 'test'],
      ['common/state.js.map', '{}'],
      ['common/state.d.ts', 'export {};'],
      ['.tsbuildinfo', '{}'],
    ]);
    assert.deepEqual(listFingerprintedFiles(root), [
      'common/state.js',
      'governance/governance.contract.js',
      'index.js',
    ]);
  });
});

describe('computeCodeFingerprint', () => {
  it('hashes path NUL content NUL of each file in sorted order', () => {
    const root = writeTree([
      ['b.js', 'B'],
      ['a.js', 'A'],
    ]);
    const expected = createHash('sha256').update('a.js\0A\0b.js\0B\0').digest('hex');
    assert.equal(computeCodeFingerprint(root), expected);
  });

  it('does not depend on the order the files were created in', () => {
    const forward = writeTree(BASE);
    const backward = writeTree([...BASE].reverse());
    assert.match(computeCodeFingerprint(forward), /^[0-9a-f]{64}$/);
    assert.equal(computeCodeFingerprint(forward), computeCodeFingerprint(backward));
  });

  it('changes when a file changes, is added or is renamed', () => {
    const base = computeCodeFingerprint(writeTree(BASE));
    const changed = writeTree([...BASE.slice(0, 2), ['common/state.js', 'exports.put = 2;']]);
    const added = writeTree([...BASE, ['common/extra.js', '']]);
    const renamed = writeTree([...BASE.slice(0, 2), ['common/store.js', 'exports.put = 1;']]);
    assert.notEqual(computeCodeFingerprint(changed), base);
    assert.notEqual(computeCodeFingerprint(added), base);
    assert.notEqual(computeCodeFingerprint(renamed), base);
  });

  it('ignores tests, source maps and declarations', () => {
    const base = computeCodeFingerprint(writeTree(BASE));
    const withExtras = writeTree([
      ...BASE,
      ['index.spec.js', 'test'],
      ['index.js.map', '{}'],
      ['index.d.ts', ''],
    ]);
    assert.equal(computeCodeFingerprint(withExtras), base);
  });
});
