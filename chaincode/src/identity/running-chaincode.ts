import { computeCodeFingerprint } from '@metrochain/lr';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BundleExternals, computeChaincodeFingerprint, sha256Hex } from './chaincode-fingerprint';

/**
 * Set by the bundler (packaging/build-bundle.ts, esbuild `define`) to the JSON of {@link BundleBuild}; undefined in
 * the tsc output the unit tests run.
 */
declare const __METROCHAIN_CHAINCODE_BUILD__: string | undefined;

/** What the bundler writes into the bundle: the chaincode package version and the externals it was built against. */
export interface BundleBuild {
  chaincodeVersion: string;
  externals: BundleExternals;
}

/** Which code this process runs, computed once when the module loads. */
export interface RunningChaincode {
  chaincodeVersion: string;
  /** What notified bodies approve and every measurement record names. */
  fingerprint: string;
  /** SHA-256 of the loaded file (the bundle, or the compiled module in the unbundled tsc output). */
  bundleSha256: string;
  externals: BundleExternals;
  /** False when running the unbundled tsc output (unit tests): then the fingerprint covers chaincode/dist only. */
  bundled: boolean;
}

function bundledBuild(): BundleBuild | undefined {
  return typeof __METROCHAIN_CHAINCODE_BUILD__ === 'string'
    ? (JSON.parse(__METROCHAIN_CHAINCODE_BUILD__) as BundleBuild)
    : undefined;
}

/** In the bundle, `file` is the bundle itself: the fingerprint is computed from the bytes Node loaded. */
export function identifyRunningChaincode(file: string): RunningChaincode {
  const bytes = readFileSync(file);
  const build = bundledBuild();
  if (build !== undefined) {
    return {
      chaincodeVersion: build.chaincodeVersion,
      fingerprint: computeChaincodeFingerprint(bytes, build.externals),
      bundleSha256: sha256Hex(bytes),
      externals: build.externals,
      bundled: true,
    };
  }
  // Unbundled (chaincode/dist/identity/running-chaincode.js): the compiled tree stands in for the bundle.
  const dist = path.resolve(path.dirname(file), '..');
  const packageJson = JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    chaincodeVersion: packageJson.version,
    fingerprint: computeCodeFingerprint(dist),
    bundleSha256: sha256Hex(bytes),
    externals: {},
    bundled: false,
  };
}

// Computed once at load, so the code cannot change between fingerprinting and running it.
export const RUNNING_CHAINCODE: RunningChaincode = identifyRunningChaincode(__filename);
export const CHAINCODE_FINGERPRINT: string = RUNNING_CHAINCODE.fingerprint;
