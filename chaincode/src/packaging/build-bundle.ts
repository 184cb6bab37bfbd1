import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUNDLE_EXTERNALS,
  type BundleExternals,
  computeChaincodeFingerprint,
  sha256Hex,
} from '../identity/chaincode-fingerprint';
import type { BundleBuild } from '../identity/running-chaincode';

/** What `fingerprint.json` next to the bundle says; the running bundle reports the same (identity/running-chaincode). */
export interface BundleFingerprint {
  chaincodeVersion: string;
  fingerprint: string;
  bundleSha256: string;
  externals: BundleExternals;
}

export interface BuiltBundle extends BundleFingerprint {
  dir: string;
  bytes: Buffer;
}

interface LockFile {
  packages: Record<string, { version?: string; integrity?: string } | undefined>;
}

/** The externals' versions and integrity as package-lock.json pins them at the repository root. */
export function readExternals(repoRoot: string): BundleExternals {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as LockFile;
  return Object.fromEntries(
    BUNDLE_EXTERNALS.map((name) => {
      const entry = lock.packages[`node_modules/${name}`];
      if (entry?.version === undefined || entry.integrity === undefined) {
        throw new Error(`package-lock.json pins no version and integrity for ${name}`);
      }
      return [name, { version: entry.version, integrity: entry.integrity }];
    }),
  );
}

/**
 * Bundles the compiled chaincode (chaincode/dist/index.js; tsc already emitted the decorator metadata
 * fabric-contract-api reads) into `outDir/index.js` with the LR library, the contracts and their dependencies.
 * fabric-contract-api, fabric-shim and reflect-metadata stay in node_modules: fabric-shim requires its own
 * fabric-contract-api and compares the Context constructor, so a second bundled copy would break the contracts.
 * Not minified, names kept: fabric-contract-api reads parameter names from function source. Deterministic: the same
 * inputs give the same bytes (paths in comments are relative to `repoRoot`).
 */
export async function buildChaincodeBundle(repoRoot: string, outDir: string): Promise<BuiltBundle> {
  const chaincodeDir = path.join(repoRoot, 'chaincode');
  const manifest = JSON.parse(readFileSync(path.join(chaincodeDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const externals = readExternals(repoRoot);
  const buildInfo: BundleBuild = { chaincodeVersion: manifest.version, externals };
  const result = await build({
    entryPoints: [path.join(chaincodeDir, 'dist', 'index.js')],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minify: false,
    keepNames: true,
    sourcemap: false,
    legalComments: 'inline',
    external: [...BUNDLE_EXTERNALS],
    define: { __METROCHAIN_CHAINCODE_BUILD__: JSON.stringify(JSON.stringify(buildInfo)) },
    write: false,
    outfile: path.join(outDir, 'index.js'),
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (output === undefined) {
    throw new Error('esbuild wrote no chaincode bundle');
  }
  const bytes = Buffer.from(output.contents);
  const fingerprint: BundleFingerprint = {
    chaincodeVersion: manifest.version,
    fingerprint: computeChaincodeFingerprint(bytes, externals),
    bundleSha256: sha256Hex(bytes),
    externals,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.js'), bytes);
  writeFileSync(path.join(outDir, 'fingerprint.json'), `${JSON.stringify(fingerprint, null, 2)}\n`);
  // What fabric-shim's server reads from its --module-path (name, version, main); nothing else.
  const bundleManifest = { name: manifest.name, version: manifest.version, main: 'index.js' };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(bundleManifest, null, 2)}\n`);
  return { ...fingerprint, dir: outDir, bytes };
}
