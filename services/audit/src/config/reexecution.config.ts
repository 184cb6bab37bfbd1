import path from 'node:path';
import { type Environment, findRepoRoot, loadConfig } from '@metrochain/config';
import { z } from 'zod';

/** Settings of the block feed, re-execution and verification-log checks (docs/audit.md). */
export interface ReexecutionConfig {
  /** The content-addressed LR bundle store: `<dir>/<fingerprint>/{index.js,fingerprint.json}`. */
  bundlesDir: string;
  /** Share of recorded readings the continuous re-execution checks (1 = all; the bench may lower it). */
  sampleRate: number;
  /** Base URL of the verification service, whose log batches the completeness check reads. */
  verificationUrl: string;
  /** Where the block feed starts when Redis holds no checkpoint yet. */
  startBlock: number;
}

function defaultBundlesDir(env: Environment): string {
  const devnetDir =
    env['METROCHAIN_DEVNET_DIR'] ?? path.join(findRepoRoot(__dirname) ?? process.cwd(), '.devnet');
  return path.join(devnetDir, 'lr-bundles');
}

const reexecutionEnvSchema = z.object({
  AUDIT_LR_BUNDLES_DIR: z.string().trim().min(1).optional(),
  AUDIT_REEXECUTION_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(1),
  AUDIT_VERIFICATION_URL: z.string().trim().url().default('http://127.0.0.1:3002'),
  AUDIT_BLOCK_FEED_START: z.coerce.number().int().nonnegative().default(0),
  METROCHAIN_DEVNET_DIR: z.string().trim().min(1).optional(),
});

/** Validates the feature's variables once, when the module is built; throws CONFIG_INVALID naming each bad one. */
export function loadReexecutionConfig(env: Environment = process.env): ReexecutionConfig {
  const parsed = loadConfig(reexecutionEnvSchema, env);
  return {
    bundlesDir: parsed.AUDIT_LR_BUNDLES_DIR ?? defaultBundlesDir(env),
    sampleRate: parsed.AUDIT_REEXECUTION_SAMPLE_RATE,
    verificationUrl: parsed.AUDIT_VERIFICATION_URL.replace(/\/+$/, ''),
    startBlock: parsed.AUDIT_BLOCK_FEED_START,
  };
}
