import path from 'node:path';

/** The store of every bundle built here, by fingerprint: what the audit service loads to re-execute a record. */
export function bundleStoreDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env['METROCHAIN_DEVNET_DIR'] ?? path.join(repoRoot, '.devnet'), 'lr-bundles');
}
