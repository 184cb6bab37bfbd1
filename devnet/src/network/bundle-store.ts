import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { NetworkContext } from './context';

/** What the bundler writes next to the bundle (chaincode/src/packaging/build-bundle.ts). */
export interface BundleFingerprint {
  chaincodeVersion: string;
  fingerprint: string;
  bundleSha256: string;
  externals: Record<string, { version: string; integrity: string }>;
}

export function readBundleFingerprint(bundleDir: string): BundleFingerprint {
  return JSON.parse(readFileSync(path.join(bundleDir, 'fingerprint.json'), 'utf8')) as BundleFingerprint;
}

/** `.devnet/lr-bundles`: every bundle the network ran, by fingerprint, for the audit service to re-execute. */
export function bundleStoreDir(ctx: NetworkContext): string {
  return path.join(ctx.paths.root, 'lr-bundles');
}

/**
 * Copies a bundle's index.js and fingerprint.json to `<store>/<fingerprint>/` unless stored already (the build does
 * the same; `up` wipes .devnet, so it stores again what it deploys). Returns the stored folder.
 */
export function storeBundle(ctx: NetworkContext, bundleDir: string): string {
  const { fingerprint } = readBundleFingerprint(bundleDir);
  const target = path.join(bundleStoreDir(ctx), fingerprint);
  if (existsSync(path.join(target, 'fingerprint.json'))) {
    return target;
  }
  const partial = `${target}.partial-${String(process.pid)}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const file of ['index.js', 'fingerprint.json']) {
    copyFileSync(path.join(bundleDir, file), path.join(partial, file));
  }
  renameSync(partial, target);
  return target;
}
