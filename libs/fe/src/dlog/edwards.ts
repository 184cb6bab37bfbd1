import { RistrettoPoint } from '../group';
import { FIELD_P, mod } from './field';

/*
 * The few twisted Edwards (a = −1) operations of the discrete-logarithm search on plain bigints, in extended
 * coordinates (X:Y:Z:T). noble's points allocate and check on every operation; the search does millions of
 * additions of public points, and the batch normalisation (one inversion per batch) has no public noble API
 * for ristretto points.
 */
// d = −121665/121666 of edwards25519 (RFC 8032 §5.1), checked against noble in the tests.
export const EDWARDS_D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
const D2 = (2n * EDWARDS_D) % FIELD_P;

export interface Extended {
  readonly x: bigint;
  readonly y: bigint;
  readonly z: bigint;
  readonly t: bigint;
}

/** An affine point prepared for mixed addition: y + x, y − x and 2d·x·y. */
export interface Cached {
  readonly yPlusX: bigint;
  readonly yMinusX: bigint;
  readonly t2d: bigint;
}

/** Affine coordinates reduced into [0, p). */
export interface Affine {
  readonly x: bigint;
  readonly y: bigint;
}

export const IDENTITY: Extended = { x: 0n, y: 1n, z: 1n, t: 0n };

export function fromAffine({ x, y }: Affine): Extended {
  return { x, y, z: 1n, t: mod(x * y) };
}

export function toCached({ x, y }: Affine): Cached {
  return { yPlusX: mod(y + x), yMinusX: mod(y - x), t2d: mod(D2 * x * y) };
}

export function negateCached(point: Cached): Cached {
  return { yPlusX: point.yMinusX, yMinusX: point.yPlusX, t2d: mod(-point.t2d) };
}

/** p + q for an affine q (add-2008-hwcd-3 with Z₂ = 1: 7 multiplications). */
export function addCached(p: Extended, q: Cached): Extended {
  const a = ((p.y - p.x) * q.yMinusX) % FIELD_P;
  const b = ((p.y + p.x) * q.yPlusX) % FIELD_P;
  const c = (p.t * q.t2d) % FIELD_P;
  const d = 2n * p.z;
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return { x: (e * f) % FIELD_P, y: (g * h) % FIELD_P, z: (f * g) % FIELD_P, t: (e * h) % FIELD_P };
}

/** 2p (dbl-2008-hwcd with a = −1). */
export function double(p: Extended): Extended {
  const a = (p.x * p.x) % FIELD_P;
  const b = (p.y * p.y) % FIELD_P;
  const c = (2n * p.z * p.z) % FIELD_P;
  const sum = p.x + p.y;
  const e = (sum * sum - a - b) % FIELD_P;
  const g = b - a;
  const f = g - c;
  const h = -a - b;
  return { x: (e * f) % FIELD_P, y: (g * h) % FIELD_P, z: (f * g) % FIELD_P, t: (e * h) % FIELD_P };
}

/** Affine coordinates of many points with one field inversion (Montgomery's trick). */
export function batchToAffine(points: readonly Extended[]): Affine[] {
  const prefix: bigint[] = new Array<bigint>(points.length);
  let product = 1n;
  points.forEach((point, i) => {
    prefix[i] = product;
    product = (product * point.z) % FIELD_P;
  });
  let inverse = RistrettoPoint.Fp.inv(mod(product));
  const result: Affine[] = new Array<Affine>(points.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i] as Extended;
    const zInverse = (inverse * (prefix[i] as bigint)) % FIELD_P;
    inverse = (inverse * point.z) % FIELD_P;
    result[i] = { x: mod(point.x * zInverse), y: mod(point.y * zInverse) };
  }
  return result;
}

/**
 * 4·(Edwards representative) of a ristretto point. Representatives of one ristretto element differ by a point of
 * order dividing 4, which two doublings remove: the result is the same Edwards point for every representative,
 * so its affine coordinates can key the baby-step table.
 */
export function canonicalTimesFour(point: RistrettoPoint): Extended {
  return double(double(fromAffine(point.toAffine())));
}
