import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The workspace root: the first folder at or above `start` holding nx.json. */
export function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no nx.json above ${start}`);
    }
    dir = parent;
  }
  return dir;
}

/**
 * Downloads and builds shared by every clone on this machine, keyed by version inside (the devnet's Fabric and Kafka,
 * the Kubernetes tools, the images' packages): `~/.cache/metrochain` unless METROCHAIN_CACHE_DIR says otherwise.
 */
export function metrochainCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['METROCHAIN_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'metrochain');
}
