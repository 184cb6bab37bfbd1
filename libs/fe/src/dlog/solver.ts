import { MAX_DLOG_BOUND } from '../constants';
import { FeErrorCode, feError } from '../fe-error';
import { RistrettoPoint, mulPublic } from '../group';
import { type BabyIndex, indexBabySteps } from './baby-steps';
import {
  type Affine,
  type Cached,
  type Extended,
  addCached,
  batchToAffine,
  canonicalTimesFour,
  negateCached,
  toCached,
} from './edwards';
import { type TableSource, loadOrBuildBabySteps } from './table-file';

/** Bounded discrete logarithms in ristretto255 (baby-step giant-step, the table cached on disk). */
export interface DlogSolver {
  readonly babyStepBits: number;
  /** Where the table came from ('built' or 'cache'); undefined until it is loaded. */
  readonly tableSource: TableSource | undefined;
  /** Loads or builds the table now; otherwise the first `solve` does. */
  prepare(): void;
  /**
   * The x ∈ [−bound, bound] with `point` = x·G, or undefined. Deterministic: within the bound x is unique, and a
   * candidate is returned only after x·G = point is checked, so a damaged table can miss but never lie.
   */
  solve(point: RistrettoPoint, bound: number): bigint | undefined;
}

export interface DlogSolverOptions {
  /** log₂ of the baby-step table's entries (default 20: 8 MiB on disk, about 4 s to build). */
  babyStepBits?: number;
  /** Where the baby-step table is cached; built in memory only when absent. */
  cacheDir?: string;
  /** Called while the table is built (not when it is loaded). */
  onBuildProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BABY_STEP_BITS = 20;
const MIN_BITS = 4;
const MAX_BITS = 26;
// Giant steps normalised per inversion and direction.
const GIANT_BATCH = 128;

interface Search {
  readonly index: BabyIndex;
  readonly point: RistrettoPoint;
  readonly bound: number;
  /** Values one giant step spans: 2^(bits+1) − 1. */
  readonly span: number;
}

function assertBits(bits: number): void {
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
    throw feError(FeErrorCode.FE_VALUE_OUT_OF_RANGE, `babyStepBits is an integer ${MIN_BITS}…${MAX_BITS}`, {
      bits,
    });
  }
}

function assertBound(bound: number): void {
  if (!Number.isSafeInteger(bound) || bound < 0 || bound > MAX_DLOG_BOUND) {
    throw feError(FeErrorCode.FE_VALUE_OUT_OF_RANGE, `a bound is an integer 0…2^48`, { bound });
  }
}

/** The x = giant·span + sign·j of a baby-step match, if it lies within the bound and x·G is the point. */
function verifiedCandidate(search: Search, giant: number, affine: Affine): bigint | undefined {
  for (const { j, sign } of search.index.matches(affine)) {
    const x = giant * search.span + sign * j;
    if (Math.abs(x) > search.bound) continue;
    if (mulPublic(RistrettoPoint.BASE, BigInt(x)).equals(search.point)) return BigInt(x);
  }
  return undefined;
}

/** Giant steps first..last in both directions (Q ∓ i·S), normalised together; the first verified match. */
function searchBatch(
  search: Search,
  walkers: Extended[],
  steps: readonly Cached[],
  first: number,
  last: number,
): bigint | undefined {
  const points: Extended[] = [];
  const giants: number[] = [];
  for (let i = first; i <= last; i++) {
    walkers.forEach((walker, direction) => {
      const next = addCached(walker, steps[direction] as Cached);
      walkers[direction] = next;
      points.push(next);
      giants.push(direction === 0 ? i : -i);
    });
  }
  const affines = batchToAffine(points);
  for (let k = 0; k < affines.length; k++) {
    const found = verifiedCandidate(search, giants[k] ?? 0, affines[k] as Affine);
    if (found !== undefined) return found;
  }
  return undefined;
}

function runSearch(search: Search, giantStep: Cached): bigint | undefined {
  const target = canonicalTimesFour(search.point);
  const [start] = batchToAffine([target]);
  const atZero = verifiedCandidate(search, 0, start as Affine);
  if (atZero !== undefined) return atZero;
  const lastGiant = Math.floor((search.bound + search.index.steps.yLow.length - 1) / search.span);
  const walkers = [target, target];
  const steps = [negateCached(giantStep), giantStep];
  for (let first = 1; first <= lastGiant; first += GIANT_BATCH) {
    const found = searchBatch(search, walkers, steps, first, Math.min(first + GIANT_BATCH - 1, lastGiant));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A solver whose baby-step table is loaded (or built and cached) on first use and kept for the process. */
export function createDlogSolver(options: DlogSolverOptions = {}): DlogSolver {
  const bits = options.babyStepBits ?? DEFAULT_BABY_STEP_BITS;
  assertBits(bits);
  const span = 2 ** (bits + 1) - 1;
  let loaded: { index: BabyIndex; giantStep: Cached; source: TableSource } | undefined;
  const load = (): NonNullable<typeof loaded> => {
    if (loaded === undefined) {
      const { steps, source } = loadOrBuildBabySteps(bits, options.cacheDir, options.onBuildProgress);
      const [giant] = batchToAffine([canonicalTimesFour(RistrettoPoint.BASE.multiplyUnsafe(BigInt(span)))]);
      loaded = { index: indexBabySteps(steps), giantStep: toCached(giant as Affine), source };
    }
    return loaded;
  };
  return {
    babyStepBits: bits,
    get tableSource() {
      return loaded?.source;
    },
    prepare: () => void load(),
    solve(point, bound) {
      assertBound(bound);
      const { index, giantStep } = load();
      return runSearch({ index, point, bound, span }, giantStep);
    },
  };
}
