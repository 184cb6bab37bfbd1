import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ServiceVersion, serviceVersionSchema } from '@metrochain/contracts';

/** Overrides where the chaincode bundle's fingerprint.json is read from (an image puts it where it likes). */
export const LR_FINGERPRINT_FILE_ENV = 'METROCHAIN_LR_FINGERPRINT_FILE';

/** The repository root above `from`: the first folder whose package.json declares workspaces. */
function repositoryRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces !== undefined) {
        return dir;
      }
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

function readVersion(root: string | undefined): string {
  if (root === undefined) {
    return 'unknown';
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' && manifest.version !== '' ? manifest.version : 'unknown';
}

/** The fingerprint fingerprint.json states; null when there is no such file or it names no SHA-256. */
export function readLrFingerprint(file: string | undefined): string | null {
  if (file === undefined || !existsSync(file)) {
    return null;
  }
  const stated = (JSON.parse(readFileSync(file, 'utf8')) as { fingerprint?: unknown }).fingerprint;
  return typeof stated === 'string' && /^[0-9a-f]{64}$/.test(stated) ? stated : null;
}

/**
 * What GET /version answers, read once at start: the service, the repository version it was built from, and the
 * fingerprint of the chaincode bundle this build ships (chaincode/bundle/fingerprint.json, or the file
 * METROCHAIN_LR_FINGERPRINT_FILE names), so that anyone can compare it with the approved fingerprints.
 */
export function readBuildVersion(
  service: string,
  options: Readonly<{ from?: string; env?: NodeJS.ProcessEnv }> = {},
): ServiceVersion {
  const root = repositoryRoot(options.from ?? __dirname);
  const env = options.env ?? process.env;
  const fingerprintFile =
    env[LR_FINGERPRINT_FILE_ENV] ??
    (root === undefined ? undefined : path.join(root, 'chaincode', 'bundle', 'fingerprint.json'));
  return serviceVersionSchema.parse({
    service,
    version: readVersion(root),
    lrFingerprint: readLrFingerprint(fingerprintFile),
  });
}
