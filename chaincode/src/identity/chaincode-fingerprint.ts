import { canonicalJson } from '@metrochain/contracts';
import { createHash } from 'node:crypto';

/** The packages the bundle leaves to node_modules (see packaging/build-bundle.ts), as the lock file pins them. */
export const BUNDLE_EXTERNALS = ['fabric-contract-api', 'fabric-shim', 'reflect-metadata'] as const;

export interface ExternalPackage {
  version: string;
  integrity: string;
}
export type BundleExternals = Readonly<Record<string, ExternalPackage>>;

/**
 * The fingerprint of a chaincode build: SHA-256 over `bundle\0` + the bundle's bytes + `\0externals\0` + canonical
 * JSON of the externals' versions and lock-file integrity. The bundle holds every line of code the contracts run
 * (the LR library, the contracts, zod, the crypto), the externals pin the rest.
 */
export function computeChaincodeFingerprint(bundle: Uint8Array, externals: BundleExternals): string {
  return createHash('sha256')
    .update('bundle\0')
    .update(bundle)
    .update('\0externals\0')
    .update(canonicalJson(externals), 'utf8')
    .digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
