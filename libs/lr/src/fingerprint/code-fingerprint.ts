import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The compiled files a fingerprint covers: every `.js` file under `root` (a package's `dist/`) except tests and
 * test helpers (`testing/`), as `/`-separated paths relative to `root`, sorted by code unit so the order never
 * depends on the file system.
 */
export function listFingerprintedFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js') && !entry.name.endsWith('.spec.js'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relativePath) => !relativePath.split('/').includes('testing'))
    .sort(compareCodeUnits);
}

/**
 * SHA-256 (lowercase hex) over `path \0 content \0` of each fingerprinted file in order. Every organisation that
 * runs the same build gets the same value, which is what a notified body approves.
 */
export function computeCodeFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const relativePath of listFingerprintedFiles(root)) {
    hash.update(relativePath, 'utf8');
    hash.update('\0');
    hash.update(readFileSync(path.join(root, relativePath)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

// localeCompare would make the order depend on the process's locale.
function compareCodeUnits(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}
