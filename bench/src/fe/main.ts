import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { inspect, parseArgs } from 'node:util';
import { REPO_ROOT } from '@metrochain/devnet';
import { CIPHERTEXT_BYTES, DEFAULT_BABY_STEP_BITS, generateSeed } from '@metrochain/fe';
import { formatTable } from '../support/table';
import { type GofeResult, buildGofe, runGofe } from './gofe';
import {
  measureBill,
  measureBound,
  measureCustomerDecrypt,
  measureEncryption,
  measureOneDay,
  measureTable,
} from './measure';
import { type FeResults, resultRows } from './report';
import { TARIFF_WEIGHTS, expectedInnerProduct, monthReadings } from './workload';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    'baby-step-bits': { type: 'string', default: String(DEFAULT_BABY_STEP_BITS) },
    runs: { type: 'string', default: '5' },
    bounds: { type: 'string', default: '24,32,40' },
    'gofe-month': { type: 'boolean', default: true },
    'gofe-timeout-s': { type: 'string', default: '300' },
  },
});

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

function gofe(readings: number[][]): FeResults['gofe'] {
  console.log('6/6 GoFE DDH-2048 anchor (bench/gofe, built once into ~/.cache/metrochain/go)');
  const failure = buildGofe();
  if (failure !== undefined) return { note: failure };
  const timeoutMs = Number(args['gofe-timeout-s']) * 1000;
  const day: GofeResult | undefined = runGofe(readings.slice(0, 1), TARIFF_WEIGHTS, timeoutMs);
  if (!args['gofe-month']) return { day, note: 'month skipped (--no-gofe-month)' };
  console.log(`  GoFE month: 2,976 readings in one vector (at most ${String(timeoutMs / 1000)} s)`);
  const month = runGofe(readings, TARIFF_WEIGHTS, timeoutMs);
  return { day, month, note: month === undefined ? 'GoFE month did not finish in time' : undefined };
}

function measure(bits: number, runs: number): FeResults {
  const loadBefore = loadavg()[0] ?? 0;
  const seed = generateSeed();
  const readings = monthReadings();
  const [firstDayReadings] = readings;
  if (firstDayReadings === undefined) throw new Error('no readings');
  const expected = expectedInnerProduct(readings);

  console.log(`1/6 baby-step table, 2^${String(bits)} entries (built into an empty cache, then loaded)`);
  const table = measureTable(bits);
  console.log('2/6 a meter encrypts a month: 31 days × 96 slots');
  const { days, msPerReading, cpuMsPerReading } = measureEncryption(seed, 'meter-bench', readings);
  const [firstDay] = days;
  if (firstDay === undefined) throw new Error('no days');
  console.log('3/6 the customer decrypts a day of readings');
  const decryptMs = measureCustomerDecrypt(seed, firstDay, firstDayReadings, table.solver);
  console.log(`4/6 month bill, bound 2^32, warm table (median of ${String(runs)})`);
  const bill = measureBill(seed, days, expected, table.solver, runs);
  const billByBound = args.bounds.split(',').map((exponent) => {
    console.log(`5/6 bill and worst-case logarithm at bound 2^${exponent}`);
    const entry = measureBound(seed, days, table.solver, Number(exponent));
    return { ...entry, billMs: round(entry.billMs), worstCaseSolveMs: round(entry.worstCaseSolveMs) };
  });
  const oneDay = measureOneDay(seed, firstDayReadings, table.solver);
  const anchor = gofe(readings);
  const gofeDdhMs = anchor.day === undefined ? undefined : round(anchor.day.encryptMs + anchor.day.decryptMs);
  const oneDayTotal = oneDay.encryptMs + oneDay.billMs;
  const monthTotal = msPerReading * readings.length * TARIFF_WEIGHTS.length + bill.monthBillMs;
  const gofeMonthMs =
    anchor.month === undefined ? undefined : anchor.month.encryptMs + anchor.month.decryptMs;
  return {
    measuredAt: new Date().toISOString(),
    host: {
      cores: cpus().length,
      node: process.version,
      loadAverage1mBefore: round(loadBefore, 2),
      loadAverage1mAfter: round(loadavg()[0] ?? 0, 2),
    },
    babyStepBits: bits,
    dlogTableBuildMs: Math.round(table.buildMs),
    dlogTableLoadMs: Math.round(table.loadMs),
    dlogTableFileBytes: table.fileBytes,
    encryptMsPerReading: round(msPerReading, 3),
    encryptCpuMsPerReading: round(cpuMsPerReading, 3),
    customerDecryptMsPerReading: round(decryptMs, 3),
    bytesPerReading: CIPHERTEXT_BYTES,
    functionalKeyMs: round(bill.keyMs, 3),
    monthBillMs: round(bill.monthBillMs),
    monthBillMinMs: round(bill.monthBillMinMs),
    monthBillCpuMs: round(bill.monthBillCpuMs),
    monthBillDecodeMs: round(bill.decodeMs),
    nobleDecodeMonthMs: round(bill.nobleDecodeMs),
    monthBillCombineAndSolveMs: round(bill.combineAndSolveMs),
    monthInnerProduct: expected.toString(),
    billByBound,
    oneDay: { encryptMs: round(oneDay.encryptMs), billMs: round(oneDay.billMs), totalMs: round(oneDayTotal) },
    gofe: anchor,
    gofeDdhMs,
    gofeDdhMonthMs: gofeMonthMs === undefined ? undefined : round(gofeMonthMs),
    gofeFactor: gofeDdhMs === undefined ? undefined : round(gofeDdhMs / oneDayTotal),
    month: { encryptAndBillMs: round(monthTotal) },
    gofeMonthFactor: gofeMonthMs === undefined ? undefined : round(gofeMonthMs / monthTotal),
    gofeBillFactor: anchor.month === undefined ? undefined : round(anchor.month.decryptMs / bill.monthBillMs),
  };
}

function main(): void {
  const results = measure(Number(args['baby-step-bits']), Number(args.runs));
  console.log(`\n${formatTable(resultRows(results))}\n`);
  if (results.host.loadAverage1mBefore > results.host.cores / 2) {
    const { loadAverage1mBefore: load, cores } = results.host;
    console.log(
      `note: load average ${String(load)} on ${String(cores)} cores before the run: other work shared the CPU`,
    );
  }
  const file = path.join(REPO_ROOT, 'bench', 'results', 'fe.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), file)}`);
}

try {
  main();
} catch (error: unknown) {
  console.error(inspect(error, { depth: 6 }));
  process.exitCode = 1;
}
