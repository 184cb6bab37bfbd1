import { ristretto255 } from '@noble/curves/ed25519.js';

/** The ristretto255 group of @noble/curves: prime order q, canonical 32-byte encodings. */
export const RistrettoPoint: (typeof ristretto255)['Point'] = ristretto255.Point;
export type RistrettoPoint = InstanceType<typeof ristretto255.Point>;

/** Order q of the group (and of its scalars). */
export const GROUP_ORDER: bigint = RistrettoPoint.Fn.ORDER;

export function modOrder(value: bigint): bigint {
  const r = value % GROUP_ORDER;
  return r < 0n ? r + GROUP_ORDER : r;
}

/**
 * `scalar`·`point` for public data (variable time). noble's `multiplyUnsafe` takes 0 ≤ k < q only, so a
 * negative scalar multiplies the negated point.
 */
export function mulPublic(point: RistrettoPoint, scalar: bigint): RistrettoPoint {
  if (scalar === 0n) return RistrettoPoint.ZERO;
  const reduced = modOrder(scalar);
  const negative = GROUP_ORDER - reduced;
  return negative < reduced ? point.negate().multiplyUnsafe(negative) : point.multiplyUnsafe(reduced);
}

/** Sum of points (public data). */
export function sumPoints(points: Iterable<RistrettoPoint>): RistrettoPoint {
  let sum = RistrettoPoint.ZERO;
  for (const point of points) sum = sum.add(point);
  return sum;
}
