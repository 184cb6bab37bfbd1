import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { computeChaincodeFingerprint } from '../identity/chaincode-fingerprint';
import { type BuiltBundle, buildChaincodeBundle, readExternals } from './build-bundle';
import { readBundleFingerprint, storeBundle } from './bundle-store';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// Below the repository, so that the bundle finds fabric-contract-api in its node_modules as it does on the network.
const scratch = path.join(repoRoot, 'chaincode', `.bundle-spec-${String(process.pid)}`);
const store = mkdtempSync(path.join(tmpdir(), 'metrochain-bundle-store-'));

after(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(store, { recursive: true, force: true });
});

/** Loads the bundle in a fresh Node process and reports what it exports; the process must end by itself. */
function loadInChild(bundle: string): { fingerprint: string; computeMeasurement: string; contracts: number } {
  const script = `const b = require(${JSON.stringify(bundle)});
process.stdout.write('\\n' + JSON.stringify({ fingerprint: b.lr.fingerprint, computeMeasurement: typeof b.lr.computeMeasurement, contracts: b.contracts.length }));`;
  const env = { ...process.env };
  delete env['METROCHAIN_CHAINCODE_HTTP_PORT'];
  // fabric-contract-api logs its decorators on stdout while the contracts load: the answer is the last line.
  const output = execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(output.slice(output.lastIndexOf('\n') + 1)) as {
    fingerprint: string;
    computeMeasurement: string;
    contracts: number;
  };
}

describe('the chaincode bundle', () => {
  let first: BuiltBundle;
  let second: BuiltBundle;

  before(async () => {
    first = await buildChaincodeBundle(repoRoot, path.join(scratch, 'first'));
    second = await buildChaincodeBundle(repoRoot, path.join(scratch, 'second'));
  });

  it('is byte for byte the same when built twice', () => {
    assert.ok(first.bytes.byteLength > 100_000);
    assert.deepEqual(
      readFileSync(path.join(second.dir, 'index.js')),
      readFileSync(path.join(first.dir, 'index.js')),
    );
    assert.equal(second.fingerprint, first.fingerprint);
  });

  it('writes fingerprint.json and a package.json whose main is the bundle', () => {
    assert.deepEqual(readBundleFingerprint(first.dir), {
      chaincodeVersion: first.chaincodeVersion,
      fingerprint: first.fingerprint,
      bundleSha256: first.bundleSha256,
      externals: readExternals(repoRoot),
    });
    const manifest = JSON.parse(readFileSync(path.join(first.dir, 'package.json'), 'utf8')) as unknown;
    assert.deepEqual(manifest, {
      name: '@metrochain/chaincode',
      version: first.chaincodeVersion,
      main: 'index.js',
    });
  });

  it('leaves fabric-contract-api and fabric-shim to node_modules, so fabric-shim and the contracts share one copy', () => {
    const code = first.bytes.toString('utf8');
    assert.match(code, /require\("fabric-contract-api"\)/);
    // esbuild names each bundled module's source path in a comment: no external is among them.
    assert.doesNotMatch(code, /^\/\/ node_modules\/(fabric-contract-api|fabric-shim|reflect-metadata)\//m);
    assert.match(code, /^\/\/ libs\/lr\/dist\/compute-measurement\.js$/m);
  });

  it('computes, once loaded, the fingerprint fingerprint.json states, exports the LR and starts nothing', () => {
    assert.deepEqual(loadInChild(path.join(first.dir, 'index.js')), {
      fingerprint: first.fingerprint,
      computeMeasurement: 'function',
      contracts: 4,
    });
  });

  it('has another fingerprint when one byte of the code or an external changes', () => {
    const changed = Buffer.from(first.bytes);
    changed[changed.length - 2] = 0x20;
    assert.notEqual(computeChaincodeFingerprint(changed, first.externals), first.fingerprint);
    const externals = { ...first.externals, 'fabric-shim': { version: '2.5.9', integrity: 'sha512-x' } };
    assert.notEqual(computeChaincodeFingerprint(first.bytes, externals), first.fingerprint);
  });

  it('is stored under its fingerprint, and a store refuses a bundle that does not match its fingerprint.json', () => {
    const stored = storeBundle(first.dir, store);
    assert.equal(path.basename(stored), first.fingerprint);
    assert.deepEqual(readFileSync(path.join(stored, 'index.js')), first.bytes);
    assert.equal(storeBundle(second.dir, store), stored);
    writeFileSync(path.join(second.dir, 'index.js'), Buffer.concat([second.bytes, Buffer.from('\n')]));
    assert.throws(() => storeBundle(second.dir, store), /fingerprint\.json says/);
    assert.ok(!existsSync(path.join(store, `${first.fingerprint}.partial-${String(process.pid)}`)));
  });
});
