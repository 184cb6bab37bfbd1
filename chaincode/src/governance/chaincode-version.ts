import { type ChaincodeVersion, chaincodeVersionSchema } from '@metrochain/contracts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LR_FINGERPRINT } from '@metrochain/lr';

/**
 * Identity of a built chaincode package: its package.json version and the fingerprint of the LR software it runs
 * (libs/lr, which the measurement contract calls). `distDir` is the compiled output; package.json sits next to it.
 */
export function readChaincodeVersion(distDir: string): ChaincodeVersion {
  const packageJsonPath = path.join(distDir, '..', 'package.json');
  // Only `version` is read, and the schema below validates it.
  const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
  return chaincodeVersionSchema.parse({
    chaincodeVersion: packageJson.version,
    lrFingerprint: LR_FINGERPRINT,
  });
}

// Computed once when the chaincode server loads, so the code cannot change between fingerprinting and running it.
export const CHAINCODE_VERSION: ChaincodeVersion = readChaincodeVersion(path.resolve(__dirname, '..'));
