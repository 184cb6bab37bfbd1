import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '@metrochain/contracts';
import { type BundleFingerprint, readBundleFingerprint } from './bundle-store';

/** One text replacement in a bundle; `find` must occur exactly once. */
export interface BundlePatch {
  find: string;
  replace: string;
}

/**
 * The chaincode fingerprint of bundle bytes and externals, as the chaincode computes it when it loads
 * (chaincode/src/identity/chaincode-fingerprint.ts; a tool cannot import the chaincode package, and the integration
 * test compares both through a server's /version).
 */
export function chaincodeFingerprintOf(
  bundle: Uint8Array,
  externals: BundleFingerprint['externals'],
): string {
  return createHash('sha256')
    .update('bundle\0')
    .update(bundle)
    .update('\0externals\0')
    .update(canonicalJson(externals), 'utf8')
    .digest('hex');
}

export interface BundleVariant {
  dir: string;
  /** What the variant computes when it loads. */
  fingerprint: string;
  /** What its fingerprint.json says (the same, unless the variant lies). */
  claimed: string;
}

/**
 * Writes a variant of a built bundle to `targetDir` (index.js with `patches` applied, package.json, fingerprint.json)
 * for tests: a build of changed LR code, or — with `claimFingerprint` — a tampered build whose fingerprint.json
 * claims another build's fingerprint. `targetDir` must lie inside the repository, so that the bundle finds
 * fabric-contract-api in its node_modules.
 */
export function writeBundleVariant(
  sourceDir: string,
  targetDir: string,
  patches: readonly BundlePatch[],
  options: Readonly<{ claimFingerprint?: string }> = {},
): BundleVariant {
  const built = readBundleFingerprint(sourceDir);
  let code = readFileSync(path.join(sourceDir, 'index.js'), 'utf8');
  for (const patch of patches) {
    const at = code.indexOf(patch.find);
    if (at < 0 || code.indexOf(patch.find, at + 1) >= 0) {
      throw new Error(`bundle patch: expected exactly one occurrence of ${JSON.stringify(patch.find)}`);
    }
    code = code.slice(0, at) + patch.replace + code.slice(at + patch.find.length);
  }
  const bytes = Buffer.from(code, 'utf8');
  const fingerprint = chaincodeFingerprintOf(bytes, built.externals);
  const claimed = options.claimFingerprint ?? fingerprint;
  mkdirSync(targetDir, { recursive: true });
  writeFileSync(path.join(targetDir, 'index.js'), bytes);
  copyFileSync(path.join(sourceDir, 'package.json'), path.join(targetDir, 'package.json'));
  const stated: BundleFingerprint = {
    ...built,
    fingerprint: claimed,
    bundleSha256: createHash('sha256').update(bytes).digest('hex'),
  };
  writeFileSync(path.join(targetDir, 'fingerprint.json'), `${JSON.stringify(stated, null, 2)}\n`);
  return { dir: targetDir, fingerprint, claimed };
}

/** The line of the bundled LR (libs/lr speed) that computes the speed, and the bundle's own fingerprint line. */
export const SPEED_LINE = 'const speedKmh = loopDistanceM / deltaTS * KMH_PER_MS;';
export const FINGERPRINT_LINE =
  'fingerprint: (0, chaincode_fingerprint_1.computeChaincodeFingerprint)(bytes, build.externals),';

/**
 * A tampered build for the audit re-execution test: the genuine code, but every speed 1 % high, and it reports —
 * on the ledger, in every record, on /version — the genuine build's fingerprint (which fingerprint.json claims too).
 */
export function writeEvilSpeedVariant(genuineDir: string, targetDir: string): BundleVariant {
  const genuine = readBundleFingerprint(genuineDir).fingerprint;
  return writeBundleVariant(
    genuineDir,
    targetDir,
    [
      { find: SPEED_LINE, replace: 'const speedKmh = loopDistanceM / deltaTS * KMH_PER_MS * 1.01;' },
      { find: FINGERPRINT_LINE, replace: `fingerprint: ${JSON.stringify(genuine)},` },
    ],
    { claimFingerprint: genuine },
  );
}
