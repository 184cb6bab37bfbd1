/*
 * Arithmetic modulo p = 2^255 − 19 on plain bigints for the hot paths (the bill's 2,976 point decodings and the
 * logarithm search). Products are reduced by folding, 2^255 ≡ 19, instead of a division: about a quarter faster
 * per multiplication in V8, and a square root is 254 of them.
 */
export const FIELD_P = 2n ** 255n - 19n;
const LOW_255 = 2n ** 255n - 1n;
// √−1 mod p (RFC 8032 §5.1), checked against noble in the tests.
export const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;

/** A value ≡ v (mod p) below 2^256; not necessarily canonical. */
export function fold(v: bigint): bigint {
  const once = (v & LOW_255) + 19n * (v >> 255n);
  return (once & LOW_255) + 19n * (once >> 255n);
}

/** The canonical residue in [0, p). */
export function mod(v: bigint): bigint {
  const r = v % FIELD_P;
  return r < 0n ? r + FIELD_P : r;
}

function squareTimes(value: bigint, times: number): bigint {
  let result = value;
  for (let i = 0; i < times; i++) result = fold(result * result);
  return result;
}

/** x^(2^252 − 3), the exponent of the square root ratio (RFC 8032 §5.1.3), by the usual addition chain. */
function pow22523(x: bigint): bigint {
  const b2 = fold(fold(x * x) * x);
  const b4 = fold(squareTimes(b2, 2) * b2);
  const b5 = fold(squareTimes(b4, 1) * x);
  const b10 = fold(squareTimes(b5, 5) * b5);
  const b20 = fold(squareTimes(b10, 10) * b10);
  const b40 = fold(squareTimes(b20, 20) * b20);
  const b80 = fold(squareTimes(b40, 40) * b40);
  const b160 = fold(squareTimes(b80, 80) * b80);
  const b240 = fold(squareTimes(b160, 80) * b80);
  const b250 = fold(squareTimes(b240, 10) * b10);
  return fold(squareTimes(b250, 2) * x);
}

/**
 * SQRT_RATIO_M1(1, v) of RFC 9496 §4.2: the non-negative 1/√v when v is a square (isSquare), else √(i/v).
 * Variable time: used on public data only.
 */
export function inverseSqrt(v: bigint): { isSquare: boolean; value: bigint } {
  const v3 = fold(fold(v * v) * v);
  const v7 = fold(fold(v3 * v3) * v);
  let r = mod(v3 * pow22523(v7));
  const check = mod(v * r * r);
  const correctSign = check === 1n;
  const flippedSign = check === FIELD_P - 1n;
  const flippedSignI = check === mod(-SQRT_M1);
  if (flippedSign || flippedSignI) r = mod(r * SQRT_M1);
  if ((r & 1n) === 1n) r = FIELD_P - r;
  return { isSquare: correctSign || flippedSign, value: r };
}
