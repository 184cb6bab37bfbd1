import { homedir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_BABY_STEP_BITS,
  createDlogSolver,
  decryptReading,
  feLabel,
  functionalKey,
  generateSeed,
} from '@metrochain/fe';
import type { Environment } from '@metrochain/tool-kit';

/** Named by what libs/fe's functions take and give, so that only the agreed function API is relied on. */
export type DlogSolver = ReturnType<typeof createDlogSolver>;
export type DlogSolverOptions = NonNullable<Parameters<typeof createDlogSolver>[0]>;

/** What the commands use of libs/fe; specs pass fakes so that the CLI's own logic is tested without the FE math. */
export interface FeFunctions {
  generateSeed(): Uint8Array;
  feLabel(meterId: string, day: string): string;
  functionalKey(seed: Uint8Array, weights: readonly number[]): string;
  decryptReading(
    seed: Uint8Array,
    label: string,
    slot: number,
    ciphertext: string,
    solver: DlogSolver,
  ): number;
  createDlogSolver(options: DlogSolverOptions): DlogSolver;
}

export const REAL_FE: FeFunctions = {
  generateSeed,
  feLabel,
  functionalKey,
  decryptReading,
  createDlogSolver,
};

/**
 * libs/fe's default, 2²⁰ baby steps: the table `devnet install` builds into the machine cache (8 MiB, a few seconds
 * to build once), and at most 2⁴ giant steps per reading within ±2²⁴ Wh.
 */
export const BABY_STEP_BITS = DEFAULT_BABY_STEP_BITS;

/** Where the baby-step table is cached: $METROCHAIN_FE_CACHE_DIR, else ~/.cache/metrochain/fe. */
export function feCacheDir(env: Environment): string {
  const given = env['METROCHAIN_FE_CACHE_DIR'];
  if (given !== undefined && given !== '') {
    return path.resolve(given);
  }
  const home = env['HOME'];
  return path.join(home !== undefined && home !== '' ? home : homedir(), '.cache', 'metrochain', 'fe');
}
