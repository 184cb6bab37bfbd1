import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type BundleExternals, computeChaincodeFingerprint } from './chaincode-fingerprint';

/** What `fingerprint.json` beside a bundle says; the running bundle reports the same at its /version. */
export interface BundleFingerprint {
  chaincodeVersion: string;
  fingerprint: string;
  bundleSha256: string;
  externals: BundleExternals;
}

/** The files of a bundle folder, the same in chaincode/bundle and in every store entry. */
export const BUNDLE_FILES = ['index.js', 'fingerprint.json'] as const;

/** What a bundle folder's fingerprint.json states, unchecked (a test's variant may state another build's). */
export function readBundleFingerprint(bundleDir: string): BundleFingerprint {
  return JSON.parse(readFileSync(path.join(bundleDir, 'fingerprint.json'), 'utf8')) as BundleFingerprint;
}

/** fingerprint.json of a bundle folder, checked against the bundle's bytes; throws when they disagree. */
export function readVerifiedBundleFingerprint(bundleDir: string): BundleFingerprint {
  const stated = readBundleFingerprint(bundleDir);
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
 * Copies a bundle folder to `<store>/<fingerprint>/`, the content-addressed store the audit service re-executes
 * from, unless stored already (same fingerprint, same bytes). Written beside and renamed, so that a reader never
 * sees half a bundle. Returns the stored folder. A bundle whose bytes do not match its fingerprint.json is refused,
 * unless `verify` is false (a test's tampered variant, which claims a build that is stored already).
 */
export function storeBundle(
  bundleDir: string,
  store: string,
  options: Readonly<{ verify?: boolean }> = {},
): string {
  const { fingerprint } =
    options.verify === false ? readBundleFingerprint(bundleDir) : readVerifiedBundleFingerprint(bundleDir);
  const target = path.join(store, fingerprint);
  if (existsSync(path.join(target, 'fingerprint.json'))) {
    return target;
  }
  const partial = `${target}.partial-${String(process.pid)}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const file of BUNDLE_FILES) {
    copyFileSync(path.join(bundleDir, file), path.join(partial, file));
  }
  renameSync(partial, target);
  return target;
}
