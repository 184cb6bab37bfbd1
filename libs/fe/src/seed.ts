import { randomBytes } from 'node:crypto';
import { decodeBase64Strict, encodeBase64 } from './base64';
import { SEED_BYTES } from './constants';
import { FeErrorCode, feError } from './fe-error';

/** A meter's FE seed: 32 random bytes from the operating system's generator. */
export function generateSeed(): Uint8Array {
  return new Uint8Array(randomBytes(SEED_BYTES));
}

export function assertSeed(seed: Uint8Array): void {
  if (!(seed instanceof Uint8Array) || seed.length !== SEED_BYTES) {
    throw feError(FeErrorCode.FE_VALUE_OUT_OF_RANGE, `a seed has ${SEED_BYTES} bytes`);
  }
}

/** The seed as text (standard base64), for seed files and the customer's backup. */
export function seedToText(seed: Uint8Array): string {
  assertSeed(seed);
  return encodeBase64(seed);
}

export function seedFromText(text: string): Uint8Array {
  const seed = decodeBase64Strict(text);
  if (seed === undefined) throw feError(FeErrorCode.FE_VALUE_OUT_OF_RANGE, 'a seed is base64');
  assertSeed(seed);
  return seed;
}
