import { RistrettoPoint } from '../group';
import {
  type Affine,
  type Extended,
  IDENTITY,
  addCached,
  batchToAffine,
  canonicalTimesFour,
  toCached,
} from './edwards';

/**
 * The baby steps j·G′ for j ∈ [0, 2^bits), G′ = 4·G, kept as the low 64 bits of the affine y coordinate and the
 * parity of x. j·G′ and −j·G′ share y and differ in the parity of x, so one table answers ±j: the table covers
 * 2^(bits+1) − 1 values for 2^bits entries.
 */
export interface BabySteps {
  readonly bits: number;
  readonly yLow: Uint32Array;
  readonly yHigh: Uint32Array;
  /** Bit j: x of j·G′ is odd. */
  readonly xOdd: Uint8Array;
}

/** A match of the table: the point is sign·j·G′. */
export interface BabyMatch {
  readonly j: number;
  readonly sign: 1 | -1;
}

export interface BabyIndex {
  readonly steps: BabySteps;
  /** Every entry whose y matches (more than one only on a 64-bit collision); the caller verifies. */
  matches(point: Affine): BabyMatch[];
}

const CHUNK = 4096;
const LOW_MASK = 0xffffffffn;

export function generatorTimesFour(): Affine {
  const [affine] = batchToAffine([canonicalTimesFour(RistrettoPoint.BASE)]);
  return affine as Affine;
}

export function yWords(y: bigint): [number, number] {
  return [Number(y & LOW_MASK), Number((y >> 32n) & LOW_MASK)];
}

/** Builds the table by 2^bits mixed additions, normalised in chunks; `onProgress` after every chunk. */
export function buildBabySteps(bits: number, onProgress?: (done: number, total: number) => void): BabySteps {
  const count = 2 ** bits;
  const steps: BabySteps = {
    bits,
    yLow: new Uint32Array(count),
    yHigh: new Uint32Array(count),
    xOdd: new Uint8Array(Math.ceil(count / 8)),
  };
  const step = toCached(generatorTimesFour());
  let current: Extended = IDENTITY;
  for (let start = 0; start < count; start += CHUNK) {
    const chunk: Extended[] = [];
    for (let j = start; j < Math.min(start + CHUNK, count); j++) {
      chunk.push(current);
      current = addCached(current, step);
    }
    batchToAffine(chunk).forEach((point, offset) => {
      record(steps, start + offset, point);
    });
    onProgress?.(Math.min(start + CHUNK, count), count);
  }
  return steps;
}

function record(steps: BabySteps, j: number, point: Affine): void {
  const [low, high] = yWords(point.y);
  steps.yLow[j] = low;
  steps.yHigh[j] = high;
  if ((point.x & 1n) === 1n) steps.xOdd[j >> 3] = (steps.xOdd[j >> 3] ?? 0) | (1 << (j & 7));
}

function isOdd(steps: BabySteps, j: number): boolean {
  return (((steps.xOdd[j >> 3] ?? 0) >> (j & 7)) & 1) === 1;
}

/**
 * An open-addressing hash (linear probing, load ½) from the low word of y to j + 1 in an Int32Array: 8 bytes an
 * entry instead of a Map's ~80, and built in milliseconds from the stored table.
 */
export function indexBabySteps(steps: BabySteps): BabyIndex {
  const capacity = 2 ** (steps.bits + 1);
  const mask = capacity - 1;
  const slots = new Int32Array(capacity);
  for (let j = 0; j < steps.yLow.length; j++) {
    let slot = (steps.yLow[j] ?? 0) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = j + 1;
  }
  return {
    steps,
    matches(point: Affine): BabyMatch[] {
      const [low, high] = yWords(point.y);
      const found: BabyMatch[] = [];
      for (let slot = low & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
        const j = (slots[slot] ?? 0) - 1;
        if (steps.yLow[j] !== low || steps.yHigh[j] !== high) continue;
        const sameSign = isOdd(steps, j) === ((point.x & 1n) === 1n);
        found.push({ j, sign: sameSign || j === 0 ? 1 : -1 });
      }
      return found;
    },
  };
}
