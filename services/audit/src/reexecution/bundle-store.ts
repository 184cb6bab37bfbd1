import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '@metrochain/contracts';

/** What the bundler writes beside a bundle (chaincode/src/packaging/build-bundle.ts). */
interface StatedFingerprint {
  fingerprint: string;
  externals: Record<string, unknown>;
}

/** A bundle whose bytes hash to the fingerprint it is stored under. */
export interface VerifiedBundle {
  fingerprint: string;
  /** The bundle's index.js, for the worker to require. */
  file: string;
}

export type BundleLookup =
  | Readonly<{ ok: true; bundle: VerifiedBundle }>
  | Readonly<{ ok: false; reason: 'bundle-unknown' | 'bundle-hash-mismatch'; detail: string }>;

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * The chaincode fingerprint as the chaincode computes it when it loads (chaincode/src/identity/chaincode-fingerprint.ts):
 * SHA-256 over `bundle\0` + bundle bytes + `\0externals\0` + canonical JSON of the externals. Restated here because a
 * service may not import the chaincode package; the integration test checks both agree on the network's bundle.
 */
export function chaincodeFingerprintOf(bundle: Uint8Array, externals: unknown): string {
  return createHash('sha256')
    .update('bundle\0')
    .update(bundle)
    .update('\0externals\0')
    .update(canonicalJson(externals), 'utf8')
    .digest('hex');
}

/**
 * The content-addressed LR bundle store `<dir>/<fingerprint>/{index.js,fingerprint.json}` that the build and devnet
 * fill. A bundle is used only when its bytes hash to the fingerprint it is stored under; the check is repeated on
 * every lookup that is not cached, and a bundle that failed it is never cached.
 */
export class BundleStore {
  readonly #dir: string;
  readonly #verified = new Map<string, VerifiedBundle>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  get dir(): string {
    return this.#dir;
  }

  /** Fingerprints stored (not yet verified). */
  list(): string[] {
    if (!existsSync(this.#dir)) {
      return [];
    }
    return readdirSync(this.#dir)
      .filter((name) => FINGERPRINT.test(name))
      .sort();
  }

  lookup(fingerprint: string): BundleLookup {
    const cached = this.#verified.get(fingerprint);
    if (cached !== undefined) {
      return { ok: true, bundle: cached };
    }
    const folder = path.join(this.#dir, fingerprint);
    const file = path.join(folder, 'index.js');
    if (!FINGERPRINT.test(fingerprint) || !existsSync(file)) {
      return { ok: false, reason: 'bundle-unknown', detail: `no bundle ${fingerprint} in ${this.#dir}` };
    }
    const stated = JSON.parse(
      readFileSync(path.join(folder, 'fingerprint.json'), 'utf8'),
    ) as StatedFingerprint;
    const actual = chaincodeFingerprintOf(readFileSync(file), stated.externals);
    if (actual !== fingerprint) {
      return {
        ok: false,
        reason: 'bundle-hash-mismatch',
        detail: `the bundle stored as ${fingerprint} hashes to ${actual}`,
      };
    }
    const bundle = { fingerprint, file };
    this.#verified.set(fingerprint, bundle);
    return { ok: true, bundle };
  }
}
