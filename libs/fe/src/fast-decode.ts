import { EDWARDS_D } from './dlog/edwards';
import { FIELD_P, fold, inverseSqrt, mod } from './dlog/field';

/** Affine Edwards coordinates of a decoded element, both in [0, p). */
export interface DecodedPoint {
  readonly x: bigint;
  readonly y: bigint;
}

function littleEndian(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
}

/**
 * RFC 9496 §4.3.1 Decode on the folding arithmetic of field.ts: the bill decodes thousands of ciphertexts and the
 * square root is nearly all of its cost. Accepts exactly the encodings noble's `fromBytes` accepts and yields the
 * same representative (checked against noble on the RFC vectors and random strings in the tests). Undefined for
 * an invalid or non-canonical encoding.
 */
export function decodeRistretto(bytes: Uint8Array): DecodedPoint | undefined {
  if (bytes.length !== 32) return undefined;
  const s = littleEndian(bytes);
  // Canonical (s < p, bit 255 clear, which s < p implies) and non-negative (even).
  if (s >= FIELD_P || (s & 1n) === 1n) return undefined;
  const ss = fold(s * s);
  const u1 = mod(1n - ss);
  const u2 = mod(1n + ss);
  const u2Squared = fold(u2 * u2);
  const v = mod(-(EDWARDS_D * fold(u1 * u1)) - u2Squared);
  const { isSquare, value: invsqrt } = inverseSqrt(mod(v * u2Squared));
  const denX = fold(invsqrt * u2);
  const denY = fold(fold(invsqrt * denX) * v);
  let x = mod(2n * s * denX);
  if ((x & 1n) === 1n) x = FIELD_P - x;
  const y = mod(u1 * denY);
  if (!isSquare || (mod(x * y) & 1n) === 1n || y === 0n) return undefined;
  return { x, y };
}
