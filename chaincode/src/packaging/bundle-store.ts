import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { computeChaincodeFingerprint } from '../identity/chaincode-fingerprint';
import type { BundleFingerprint } from './build-bundle';

/** The store of every bundle built here, by fingerprint: what the audit service loads to re-execute a record. */
export function bundleStoreDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env['METROCHAIN_DEVNET_DIR'] ?? path.join(repoRoot, '.devnet'), 'lr-bundles');
}

/** Reads `fingerprint.json` of a bundle folder and checks it against the bundle's bytes. */
export function readBundleFingerprint(bundleDir: string): BundleFingerprint {
  const stated = JSON.parse(
    readFileSync(path.join(bundleDir, 'fingerprint.json'), 'utf8'),
  ) as BundleFingerprint;
  const actual = computeChaincodeFingerprint(
    readFileSync(path.join(bundleDir, 'index.js')),
    stated.externals,
  );
  if (actual !== stated.fingerprint) {
    throw new Error(`${bundleDir}: fingerprint.json says ${stated.fingerprint}, the bundle is ${actual}`);
  }
  return stated;
}

/**
 * Copies a built bundle (index.js, fingerprint.json) to `<store>/<fingerprint>/`; a bundle stored already stays as
 * it is (same fingerprint, same bytes). Returns the stored folder.
 */
export function storeBundle(bundleDir: string, store: string): string {
  const { fingerprint } = readBundleFingerprint(bundleDir);
  const target = path.join(store, fingerprint);
  if (existsSync(path.join(target, 'fingerprint.json'))) {
    return target;
  }
  // Written beside and renamed, so that a reader never sees half a bundle.
  const partial = `${target}.partial-${String(process.pid)}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const file of ['index.js', 'fingerprint.json']) {
    copyFileSync(path.join(bundleDir, file), path.join(partial, file));
  }
  renameSync(partial, target);
  return target;
}
