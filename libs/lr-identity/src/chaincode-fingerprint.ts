import { createHash } from 'node:crypto';
import { canonicalJson } from '@metrochain/pki';

export interface ExternalPackage {
  version: string;
  integrity: string;
}
/** The packages a bundle leaves to node_modules, with the version and lock-file integrity it was built against. */
export type BundleExternals = Readonly<Record<string, ExternalPackage>>;

/**
 * The fingerprint of a chaincode build: SHA-256 over `bundle\0` + the bundle's bytes + `\0externals\0` + canonical
 * JSON of the externals' versions and lock-file integrity. The bundle holds every line of code the contracts run
 * (the LR library, the contracts, zod, the crypto), the externals pin the rest. The chaincode computes it over the
 * bytes it loaded, the build writes it beside the bundle, and the audit service checks a stored bundle with it.
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
