import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths';

/** The workspace's pinned Node 24 when installed, so that processes the devnet starts run on it too. */
export function nodeBinary(): string {
  const pinned = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
}
