import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BILL_BOUND,
  type DlogSolver,
  type FeDay,
  RistrettoPoint,
  createDlogSolver,
  decodeDay,
  decodeRistretto,
  decryptReading,
  evaluateInnerProduct,
  evaluateInnerProductOfPoints,
  functionalKey,
  tableFileName,
} from '@metrochain/fe';
import { TARIFF_WEIGHTS, cpuMs, encryptMonth, timeRepeated } from './workload';

export interface TableTimes {
  solver: DlogSolver;
  buildMs: number;
  loadMs: number;
  fileBytes: number;
}

function progress(label: string): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const percent = Math.floor((100 * done) / total / 10) * 10;
    if (percent !== shown)
      process.stderr.write(`\r  ${label} ${String(percent)} %${percent === 100 ? '\n' : ''}`);
    shown = percent;
  };
}

/** Builds the baby-step table into an empty cache directory, then loads it as a restarted process would. */
export function measureTable(babyStepBits: number): TableTimes {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'fe-bench-'));
  try {
    const building = createDlogSolver({ babyStepBits, cacheDir, onBuildProgress: progress('building') });
    let started = performance.now();
    building.prepare();
    const buildMs = performance.now() - started;
    const fileBytes = statSync(path.join(cacheDir, tableFileName(babyStepBits))).size;
    const solver = createDlogSolver({ babyStepBits, cacheDir });
    started = performance.now();
    solver.prepare();
    const loadMs = performance.now() - started;
    if (solver.tableSource !== 'cache') throw new Error('the table written was not read back');
    return { solver, buildMs, loadMs, fileBytes };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function measureEncryption(
  seed: Uint8Array,
  meterId: string,
  readings: readonly (readonly number[])[],
): { days: FeDay[]; msPerReading: number; cpuMsPerReading: number } {
  const report = progress('encrypting');
  const started = performance.now();
  const startedCpu = cpuMs();
  const days = encryptMonth(seed, meterId, readings, (done) => {
    report(done, readings.length);
  });
  const count = readings.length * TARIFF_WEIGHTS.length;
  return {
    days,
    msPerReading: (performance.now() - started) / count,
    cpuMsPerReading: (cpuMs() - startedCpu) / count,
  };
}

/** The customer decrypts one day of its readings (ms per reading); throws if one is wrong. */
export function measureCustomerDecrypt(
  seed: Uint8Array,
  day: FeDay,
  readings: readonly number[],
  solver: DlogSolver,
): number {
  const started = performance.now();
  day.ciphertexts.forEach((ciphertext, slot) => {
    if (decryptReading(seed, day.label, slot, ciphertext, solver) !== readings[slot]) {
      throw new Error(`slot ${String(slot)} decrypted wrongly`);
    }
  });
  return (performance.now() - started) / day.ciphertexts.length;
}

export interface BillTimes {
  monthBillMs: number;
  monthBillMinMs: number;
  monthBillCpuMs: number;
  /** The bill's own decoder (decodeRistretto), and noble's fromBytes for comparison. */
  decodeMs: number;
  nobleDecodeMs: number;
  combineAndSolveMs: number;
  keyMs: number;
}

/** The warm month bill (median of runs), and its two parts: decoding 2,976 points, combining and solving. */
export function measureBill(
  seed: Uint8Array,
  days: readonly FeDay[],
  expected: bigint,
  solver: DlogSolver,
  runs: number,
): BillTimes {
  const started = performance.now();
  const key = functionalKey(seed, TARIFF_WEIGHTS);
  const keyMs = performance.now() - started;
  const bill = timeRepeated(runs, () => {
    const result = evaluateInnerProduct(key, TARIFF_WEIGHTS, days, solver, BILL_BOUND);
    if (result !== expected) throw new Error(`bill ${String(result)} ≠ ${String(expected)}`);
  });
  const decoded = days.map(decodeDay);
  const nobleDecode = timeRepeated(runs, () => days.map(decodeDay));
  const decode = timeRepeated(runs, () =>
    days.map((day) => day.ciphertexts.map((text) => decodeRistretto(Buffer.from(text, 'base64')))),
  );
  const combine = timeRepeated(runs, () =>
    evaluateInnerProductOfPoints(key, TARIFF_WEIGHTS, decoded, solver),
  );
  return {
    monthBillMs: bill.medianMs,
    monthBillMinMs: bill.minMs,
    monthBillCpuMs: bill.medianCpuMs,
    decodeMs: decode.medianMs,
    nobleDecodeMs: nobleDecode.medianMs,
    combineAndSolveMs: combine.medianMs,
    keyMs,
  };
}

export interface BoundTimes {
  bound: string;
  billMs: number;
  outcome: 'found' | 'FE_NO_RESULT';
  worstCaseSolveMs: number;
}

/** The month bill at another bound, and the solver's worst case there: a point just outside it (a full scan). */
export function measureBound(
  seed: Uint8Array,
  days: readonly FeDay[],
  solver: DlogSolver,
  exponent: number,
): BoundTimes {
  const bound = 2 ** exponent;
  const key = functionalKey(seed, TARIFF_WEIGHTS);
  let outcome: BoundTimes['outcome'] = 'found';
  let started = performance.now();
  try {
    evaluateInnerProduct(key, TARIFF_WEIGHTS, days, solver, bound);
  } catch {
    outcome = 'FE_NO_RESULT';
  }
  const billMs = performance.now() - started;
  const outside = RistrettoPoint.BASE.multiply(BigInt(bound) + 1n);
  started = performance.now();
  if (solver.solve(outside, bound) !== undefined) throw new Error('a point beyond the bound was solved');
  return { bound: `2^${String(exponent)}`, billMs, outcome, worstCaseSolveMs: performance.now() - started };
}

/** Our cost for GoFE's unit of work: a meter encrypts one day of 96 readings and the day is billed. */
export function measureOneDay(
  seed: Uint8Array,
  readings: readonly number[],
  solver: DlogSolver,
): { encryptMs: number; billMs: number } {
  const key = functionalKey(seed, TARIFF_WEIGHTS);
  let started = performance.now();
  const [day] = encryptMonth(seed, 'meter-gofe-day', [readings]);
  const encryptMs = performance.now() - started;
  if (day === undefined) throw new Error('no day encrypted');
  started = performance.now();
  evaluateInnerProduct(key, TARIFF_WEIGHTS, [day], solver, BILL_BOUND);
  return { encryptMs, billMs: performance.now() - started };
}
