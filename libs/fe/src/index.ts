/**
 * Labelled multi-client inner-product functional encryption over ristretto255 (docs/billing.md).
 * API agreed for the billing work; the implementation lands with the fe-lib branch.
 */
const PENDING = 'libs/fe: implementation pending (fe-lib branch)';

/** Slots of one day: 15 minutes each. A day is one label. */
export const SLOTS_PER_DAY = 96;
/** Largest |Wh| one reading may carry. */
export const READING_BOUND = 2 ** 24;
/** Largest |inner product| a bill may reach (thousandths of a minor unit). */
export const BILL_BOUND = 2 ** 32;
export const SEED_BYTES = 32;
export const CIPHERTEXT_BYTES = 32;
export const FUNCTIONAL_KEY_BYTES = 64;

export type FeErrorCode = 'FE_NO_RESULT' | 'FE_CIPHERTEXT_INVALID' | 'FE_KEY_INVALID' | 'FE_VALUE_OUT_OF_RANGE';

/** Bounded discrete logarithms in ristretto255 (baby-step giant-step, the table cached on disk). */
export interface DlogSolver {
  readonly babyStepBits: number;
}

export interface DlogSolverOptions {
  babyStepBits?: number;
  /** Where the baby-step table is cached; built in memory only when absent. */
  cacheDir?: string;
}

/** One day of one meter: its label and the ciphertext of every slot (base64), indexed by slot. */
export interface FeDay {
  label: string;
  ciphertexts: readonly string[];
}

export function createDlogSolver(options: DlogSolverOptions = {}): DlogSolver {
  void options;
  throw new Error(PENDING);
}

export function generateSeed(): Uint8Array {
  throw new Error(PENDING);
}

/** The label of a meter's day: `meterId` and `YYYY-MM-DD`. */
export function feLabel(meterId: string, day: string): string {
  return `${meterId}|${day}`;
}

export function encryptReading(seed: Uint8Array, label: string, slot: number, valueWh: number): string {
  void [seed, label, slot, valueWh];
  throw new Error(PENDING);
}

export function decryptReading(
  seed: Uint8Array,
  label: string,
  slot: number,
  ciphertext: string,
  solver: DlogSolver,
): number {
  void [seed, label, slot, ciphertext, solver];
  throw new Error(PENDING);
}

export function functionalKey(seed: Uint8Array, weights: readonly number[]): string {
  void [seed, weights];
  throw new Error(PENDING);
}

/** Throws FE_CIPHERTEXT_INVALID unless `text` is base64 of a canonical ristretto255 encoding. */
export function assertCiphertext(text: string): void {
  void text;
  throw new Error(PENDING);
}

/** ⟨x, y⟩ over the given days; FE_NO_RESULT when the key does not open them within `bound`. */
export function evaluateInnerProduct(
  key: string,
  weights: readonly number[],
  days: readonly FeDay[],
  solver: DlogSolver,
  bound: number = BILL_BOUND,
): bigint {
  void [key, weights, days, solver, bound];
  throw new Error(PENDING);
}
