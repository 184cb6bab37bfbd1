import { decodeBase64Strict, encodeBase64 } from './base64';
import { FUNCTIONAL_KEY_BYTES, SLOTS_PER_DAY } from './constants';
import { FeErrorCode, feError } from './fe-error';
import { GROUP_ORDER, modOrder } from './group';
import { slotKeys } from './slot-keys';

/** d = Σ yⱼ·sⱼ ∈ Z_q²: opens ⟨x, y⟩ of any set of days, and nothing else of them. */
export interface FunctionalKey {
  readonly d1: bigint;
  readonly d2: bigint;
}

const SCALAR_BYTES = FUNCTIONAL_KEY_BYTES / 2;

/** One safe integer weight per slot of the day (0 and negative allowed); FE_VALUE_OUT_OF_RANGE otherwise. */
export function assertWeights(weights: readonly number[]): void {
  if (weights.length !== SLOTS_PER_DAY || !weights.every((weight) => Number.isSafeInteger(weight))) {
    throw feError(FeErrorCode.FE_VALUE_OUT_OF_RANGE, `a key has ${SLOTS_PER_DAY} integer weights`, {
      length: weights.length,
    });
  }
}

function scalarToBytesLE(value: bigint, target: Uint8Array, offset: number): void {
  let rest = value;
  for (let i = 0; i < SCALAR_BYTES; i++) {
    target[offset + i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function scalarFromBytesLE(bytes: Uint8Array, offset: number): bigint {
  let value = 0n;
  for (let i = SCALAR_BYTES - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[offset + i] ?? 0);
  return value;
}

/** The functional key for `weights` (one per slot): base64 of 64 bytes, d₁ then d₂, each 32 bytes little-endian. */
export function functionalKey(seed: Uint8Array, weights: readonly number[]): string {
  assertWeights(weights);
  let d1 = 0n;
  let d2 = 0n;
  slotKeys(seed).forEach(({ s1, s2 }, slot) => {
    const weight = BigInt(weights[slot] ?? 0);
    d1 += weight * s1;
    d2 += weight * s2;
  });
  const bytes = new Uint8Array(FUNCTIONAL_KEY_BYTES);
  scalarToBytesLE(modOrder(d1), bytes, 0);
  scalarToBytesLE(modOrder(d2), bytes, SCALAR_BYTES);
  return encodeBase64(bytes);
}

/** FE_KEY_INVALID unless `text` is canonical base64 of 64 bytes holding two canonical scalars (< q). */
export function parseFunctionalKey(text: string): FunctionalKey {
  const bytes = decodeBase64Strict(text);
  if (bytes?.length !== FUNCTIONAL_KEY_BYTES) {
    throw feError(FeErrorCode.FE_KEY_INVALID, `a functional key is base64 of ${FUNCTIONAL_KEY_BYTES} bytes`);
  }
  const d1 = scalarFromBytesLE(bytes, 0);
  const d2 = scalarFromBytesLE(bytes, SCALAR_BYTES);
  if (d1 >= GROUP_ORDER || d2 >= GROUP_ORDER) {
    throw feError(FeErrorCode.FE_KEY_INVALID, 'a functional key holds two canonical scalars');
  }
  return { d1, d2 };
}
