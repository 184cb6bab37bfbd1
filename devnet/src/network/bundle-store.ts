import path from 'node:path';
import { storeBundle as storeInto } from '@metrochain/lr-identity';
import type { NetworkContext } from './context';

export { type BundleFingerprint, readBundleFingerprint } from '@metrochain/lr-identity';

/** `.devnet/lr-bundles`: every bundle the network ran, by fingerprint, for the audit service to re-execute. */
export function bundleStoreDir(ctx: NetworkContext): string {
  return path.join(ctx.paths.root, 'lr-bundles');
}

/**
 * Stores a bundle the network deploys (the build stores it too, but `up` wipes .devnet). Unverified: a test's
 * tampered variant claims the genuine build's fingerprint, which is stored already and so stays as it is.
 */
export function storeBundle(ctx: NetworkContext, bundleDir: string): string {
  return storeInto(bundleDir, bundleStoreDir(ctx), { verify: false });
}
