import { isDomainError } from '@metrochain/errors';
import {
  BILL_BOUND,
  type DlogSolver,
  type FeDay,
  createDlogSolver,
  evaluateInnerProduct,
} from '@metrochain/fe';
import os from 'node:os';
import path from 'node:path';
import { ChaincodeError } from '../common/chaincode-error';

/** ⟨readings, weights⟩ over the days with the functional key (base64); throws the FE library's DomainErrors. */
export type FeEvaluator = (key: string, weights: readonly number[], days: readonly FeDay[]) => bigint;

/** Where the baby-step table is cached; the devnet builds it there before the chaincode starts. */
export const FE_CACHE_DIR_ENV = 'METROCHAIN_FE_CACHE_DIR';

export function feCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[FE_CACHE_DIR_ENV];
  return configured === undefined || configured === '' ? path.join(os.tmpdir(), 'metrochain-fe') : configured;
}

// One per chaincode process, made on the first bill: the table takes time and memory to load.
let sharedSolver: DlogSolver | undefined;

function dlogSolver(): DlogSolver {
  sharedSolver ??= createDlogSolver({ cacheDir: feCacheDir() });
  return sharedSolver;
}

/** libs/fe with the process's solver and the bill bound. */
export const evaluateWithLibFe: FeEvaluator = (key, weights, days) =>
  evaluateInnerProduct(key, weights, days, dlogSolver(), BILL_BOUND);

/**
 * Runs the evaluator and maps the FE library's verdicts to chaincode codes: FE_NO_RESULT when the key does not open
 * the ciphertexts within the bound (not the tariff's key for this meter), INVALID_ARGUMENT for a malformed key.
 */
export function evaluateBill(
  evaluate: FeEvaluator,
  key: string,
  weights: readonly number[],
  days: readonly FeDay[],
): bigint {
  try {
    return evaluate(key, weights, days);
  } catch (error) {
    if (isDomainError(error) && error.code === 'FE_NO_RESULT') {
      throw new ChaincodeError(
        'FE_NO_RESULT',
        `the key does not open the period's readings: ${error.message}`,
      );
    }
    if (isDomainError(error) && error.code === 'FE_KEY_INVALID') {
      throw new ChaincodeError('INVALID_ARGUMENT', `invalid functional key: ${error.message}`);
    }
    throw error;
  }
}
