import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '@metrochain/errors';
import { ConfigErrorCode } from './config-error-code';
import { describeIssues, toConfigIssues } from './format-issues';
import { type NetworkProfile, networkProfileSchema } from './network-profile.schema';
import { findRepoRoot } from './repo-root';
import type { Environment } from './load-config';

export const NETWORK_FILE_ENV = 'METROCHAIN_NETWORK_FILE';

/** Validates a parsed connection file; `source` names it in errors. */
export function parseNetworkProfile(value: unknown, source = 'network profile'): NetworkProfile {
  const parsed = networkProfileSchema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const issues = toConfigIssues(parsed.error.issues);
  throw new DomainError({
    code: ConfigErrorCode.NETWORK_PROFILE_INVALID,
    message: `${source} is invalid: ${describeIssues(issues)}`,
    details: { source, issues },
    cause: parsed.error,
  });
}

/**
 * Reads the connection file synchronously (it is read once at start-up, before modules are wired). Relative
 * certificate and key paths are resolved against the file's folder, so a profile can travel with its crypto material.
 */
export function readNetworkProfile(file: string): NetworkProfile {
  const text = readProfileText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DomainError({
      code: ConfigErrorCode.NETWORK_PROFILE_INVALID,
      message: `${file} is not valid JSON`,
      details: { source: file },
      cause: error,
    });
  }
  return resolveProfilePaths(parseNetworkProfile(value, file), path.dirname(path.resolve(file)));
}

/** `$METROCHAIN_NETWORK_FILE`, else `<repo root>/.devnet/network.json`, where the devnet writes it. */
export function defaultNetworkFile(env: Environment = process.env, startDir: string = __dirname): string {
  const configured = env[NETWORK_FILE_ENV];
  if (configured !== undefined && configured !== '') {
    return path.resolve(configured);
  }
  const root = findRepoRoot(startDir);
  if (root === undefined) {
    throw new DomainError({
      code: ConfigErrorCode.NETWORK_PROFILE_MISSING,
      message: `no repository root (nx.json) above ${startDir}; set ${NETWORK_FILE_ENV}`,
      details: { startDir },
    });
  }
  return path.join(root, '.devnet', 'network.json');
}

function readProfileText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError({
      code: ConfigErrorCode.NETWORK_PROFILE_MISSING,
      message: `cannot read network profile ${file}; start the devnet or set ${NETWORK_FILE_ENV}`,
      details: { source: file },
      cause: error,
    });
  }
}

function resolveProfilePaths(profile: NetworkProfile, baseDir: string): NetworkProfile {
  const resolve = (file: string): string => path.resolve(baseDir, file);
  const organizations = Object.fromEntries(
    Object.entries(profile.organizations).map(([name, org]) => [
      name,
      {
        ...org,
        peers: org.peers.map((peer) => ({ ...peer, tlsRootCertPath: resolve(peer.tlsRootCertPath) })),
        identities: Object.fromEntries(
          Object.entries(org.identities).map(([id, identity]) => [
            id,
            { ...identity, certPath: resolve(identity.certPath), keyPath: resolve(identity.keyPath) },
          ]),
        ),
      },
    ]),
  );
  const orderers = profile.orderers.map((orderer) => ({
    ...orderer,
    tlsRootCertPath: resolve(orderer.tlsRootCertPath),
  }));
  return { ...profile, organizations, orderers };
}
