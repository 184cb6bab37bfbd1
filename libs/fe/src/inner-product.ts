import { parseCiphertext } from './ciphertext';
import { BILL_BOUND, SLOTS_PER_DAY } from './constants';
import type { DlogSolver } from './dlog/solver';
import { FeErrorCode, feError } from './fe-error';
import { assertWeights, parseFunctionalKey } from './functional-key';
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

/**
 * ⟨x, y⟩ over days whose ciphertexts are already decoded: Σ yⱼ·c − d₁·ΣU₁ − d₂·ΣU₂ = ⟨x, y⟩·G, then the signed
 * logarithm within ±`bound`. All of it is public data, hence variable-time arithmetic.
 */
export function evaluateInnerProductOfPoints(
  key: string,
  weights: readonly number[],
  days: readonly FeDayPoints[],
  solver: DlogSolver,
  bound: number = BILL_BOUND,
): bigint {
  const { d1, d2 } = parseFunctionalKey(key);
  assertWeights(weights);
  const masks = days.map((day) => labelPoints(day.label));
  const u1 = sumPoints(masks.map((mask) => mask.u1));
  const u2 = sumPoints(masks.map((mask) => mask.u2));
  const point = weightedSum(weights, days).subtract(mulPublic(u1, d1)).subtract(mulPublic(u2, d2));
  const result = solver.solve(point, bound);
  if (result === undefined) {
    throw feError(FeErrorCode.FE_NO_RESULT, 'the key does not open these ciphertexts within the bound', {
      bound,
    });
  }
  return result;
}

/** ⟨x, y⟩ over the given days; FE_NO_RESULT when the key does not open them within `bound`. */
export function evaluateInnerProduct(
  key: string,
  weights: readonly number[],
  days: readonly FeDay[],
  solver: DlogSolver,
  bound: number = BILL_BOUND,
): bigint {
  // Key and weights first: a malformed request fails before thousands of point decodings.
  parseFunctionalKey(key);
  assertWeights(weights);
  return evaluateInnerProductOfPoints(key, weights, days.map(decodeDay), solver, bound);
}
