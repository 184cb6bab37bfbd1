import { decodeBase64Strict } from './base64';
import { parseCiphertext } from './ciphertext';
import { BILL_BOUND, CIPHERTEXT_BYTES, SLOTS_PER_DAY } from './constants';
import { type Extended, IDENTITY, addCached, batchToAffine, toCached } from './dlog/edwards';
import type { DlogSolver } from './dlog/solver';
import { type DecodedPoint, decodeRistretto } from './fast-decode';
import { FeErrorCode, feError } from './fe-error';
import { type FunctionalKey, assertWeights, parseFunctionalKey } from './functional-key';
import { RistrettoPoint, mulPublic, sumPoints } from './group';
import { labelPoints } from './labels';

/** One day of one meter: its label and the ciphertext of every slot (base64), indexed by slot. */
export interface FeDay {
  label: string;
  ciphertexts: readonly string[];
}

/** A day whose ciphertexts are already decoded (`parseCiphertext`), for callers that keep decoded points. */
export interface FeDayPoints {
  label: string;
  points: readonly RistrettoPoint[];
}

function assertDayLength(label: string, length: number): void {
  if (length !== SLOTS_PER_DAY) {
    throw feError(FeErrorCode.FE_CIPHERTEXT_INVALID, `a day has ${SLOTS_PER_DAY} ciphertexts`, {
      label,
      length,
    });
  }
}

/** Decodes a day's ciphertexts; FE_CIPHERTEXT_INVALID for a wrong count or an invalid encoding. */
export function decodeDay(day: FeDay): FeDayPoints {
  assertDayLength(day.label, day.ciphertexts.length);
  return { label: day.label, points: day.ciphertexts.map(parseCiphertext) };
}

/**
 * Σ_days Σⱼ yⱼ·c_{day,j}. Tariffs have few distinct prices, so the points of equal weight are added first and
 * each distinct weight costs one scalar multiplication; zero weights cost nothing.
 */
function weightedSum(weights: readonly number[], days: readonly FeDayPoints[]): RistrettoPoint {
  const byWeight = new Map<number, RistrettoPoint>();
  for (const day of days) {
    assertDayLength(day.label, day.points.length);
    day.points.forEach((point, slot) => {
      const weight = weights[slot] ?? 0;
      if (weight !== 0) byWeight.set(weight, (byWeight.get(weight) ?? RistrettoPoint.ZERO).add(point));
    });
  }
  return sumPoints(Array.from(byWeight, ([weight, sum]) => mulPublic(sum, BigInt(weight))));
}

function decodeText(text: string, label: string, slot: number): DecodedPoint {
  const bytes = decodeBase64Strict(text);
  const point = bytes?.length === CIPHERTEXT_BYTES ? decodeRistretto(bytes) : undefined;
  if (point === undefined) {
    throw feError(FeErrorCode.FE_CIPHERTEXT_INVALID, 'not base64 of a canonical ristretto255 encoding', {
      label,
      slot,
    });
  }
  return point;
}

/**
 * weightedSum for ciphertext texts: decoded with decodeRistretto and summed per weight in extended coordinates,
 * so that no noble point is built for each of the month's 2,976 ciphertexts; the few sums go back to noble points
 * after one batched inversion.
 */
function weightedSumOfTexts(weights: readonly number[], days: readonly FeDay[]): RistrettoPoint {
  const byWeight = new Map<number, Extended>();
  for (const day of days) {
    assertDayLength(day.label, day.ciphertexts.length);
    day.ciphertexts.forEach((text, slot) => {
      const point = decodeText(text, day.label, slot);
      const weight = weights[slot] ?? 0;
      if (weight !== 0) byWeight.set(weight, addCached(byWeight.get(weight) ?? IDENTITY, toCached(point)));
    });
  }
  const distinct = [...byWeight.keys()];
  const sums = batchToAffine([...byWeight.values()]).map((affine) => RistrettoPoint.fromAffine(affine));
  return sumPoints(sums.map((sum, i) => mulPublic(sum, BigInt(distinct[i] ?? 0))));
}

/** Σ yⱼ·c − d₁·ΣU₁ − d₂·ΣU₂ = ⟨x, y⟩·G, then the signed logarithm within ±`bound`. */
function solveInnerProduct(
  key: FunctionalKey,
  labels: readonly string[],
  weighted: RistrettoPoint,
  solver: DlogSolver,
  bound: number,
): bigint {
  const masks = labels.map((label) => labelPoints(label));
  const u1 = sumPoints(masks.map((mask) => mask.u1));
  const u2 = sumPoints(masks.map((mask) => mask.u2));
  const point = weighted.subtract(mulPublic(u1, key.d1)).subtract(mulPublic(u2, key.d2));
  const result = solver.solve(point, bound);
  if (result === undefined) {
    throw feError(FeErrorCode.FE_NO_RESULT, 'the key does not open these ciphertexts within the bound', {
      bound,
    });
  }
  return result;
}

/**
 * ⟨x, y⟩ over days whose ciphertexts are already decoded (`decodeDay`). All of it is public data, hence
 * variable-time arithmetic.
 */
export function evaluateInnerProductOfPoints(
  key: string,
  weights: readonly number[],
  days: readonly FeDayPoints[],
  solver: DlogSolver,
  bound: number = BILL_BOUND,
): bigint {
  const parsed = parseFunctionalKey(key);
  assertWeights(weights);
  const labels = days.map((day) => day.label);
  return solveInnerProduct(parsed, labels, weightedSum(weights, days), solver, bound);
}

/**
 * ⟨x, y⟩ over the given days; FE_NO_RESULT when the key does not open them within `bound`, FE_CIPHERTEXT_INVALID
 * when a day has not exactly 96 ciphertexts or one is not a canonical encoding. The hot path of a month's bill.
 */
export function evaluateInnerProduct(
  key: string,
  weights: readonly number[],
  days: readonly FeDay[],
  solver: DlogSolver,
  bound: number = BILL_BOUND,
): bigint {
  // Key and weights first: a malformed request fails before thousands of point decodings.
  const parsed = parseFunctionalKey(key);
  assertWeights(weights);
  const labels = days.map((day) => day.label);
  return solveInnerProduct(parsed, labels, weightedSumOfTexts(weights, days), solver, bound);
}
