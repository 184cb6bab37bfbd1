import { type Row } from '../support/table';
import { type GofeResult } from './gofe';
import { type BoundTimes } from './measure';

export const TARGET_ENCRYPT_MS = 1;
export const TARGET_MONTH_BILL_MS = 250;
export const TARGET_BYTES_PER_READING = 32;
export const TARGET_GOFE_FACTOR = 50;

/** What bench/results/fe.json holds. */
export interface FeResults {
  measuredAt: string;
  host: { cores: number; node: string; loadAverage1mBefore: number; loadAverage1mAfter: number };
  babyStepBits: number;
  dlogTableBuildMs: number;
  dlogTableLoadMs: number;
  dlogTableFileBytes: number;
  encryptMsPerReading: number;
  encryptCpuMsPerReading: number;
  customerDecryptMsPerReading: number;
  bytesPerReading: number;
  functionalKeyMs: number;
  monthBillMs: number;
  monthBillMinMs: number;
  monthBillCpuMs: number;
  monthBillDecodeMs: number;
  nobleDecodeMonthMs: number;
  monthBillCombineAndSolveMs: number;
  monthInnerProduct: string;
  billByBound: BoundTimes[];
  oneDay: { encryptMs: number; billMs: number; totalMs: number };
  gofe: { day?: GofeResult; month?: GofeResult; note?: string };
  gofeDdhMs?: number;
  gofeDdhMonthMs?: number;
  gofeFactor?: number;
  month: { encryptAndBillMs: number };
  gofeMonthFactor?: number;
  gofeBillFactor?: number;
}

const ms = (value: number | undefined, digits = 1): string =>
  value === undefined || !Number.isFinite(value) ? '-' : `${value.toFixed(digits)} ms`;

const times = (factor: number | undefined): string => (factor === undefined ? '-' : `${factor.toFixed(1)}×`);

function gofeRows(results: FeResults): Row[] {
  const month = results.gofe.month;
  return [
    {
      metric: 'one day: encrypt 96 + bill',
      measured: ms(results.oneDay.totalMs),
      target: '-',
      baseline: `GoFE encrypt + decrypt ${ms(results.gofeDdhMs)}`,
    },
    {
      metric: 'faster than GoFE DDH-2048 (one day)',
      measured: times(results.gofeFactor),
      target: `≥ ${String(TARGET_GOFE_FACTOR)}×`,
      baseline: results.gofe.note ?? results.gofe.day?.constructor ?? '-',
    },
    {
      metric: 'month: encrypt 2,976 + bill',
      measured: ms(results.month.encryptAndBillMs),
      target: '-',
      baseline: `GoFE encrypt + decrypt ${ms(results.gofeDdhMonthMs)}`,
    },
    {
      metric: 'faster than GoFE (month)',
      measured: times(results.gofeMonthFactor),
      target: '-',
      baseline: '-',
    },
    {
      metric: 'faster than GoFE (month bill vs its decrypt)',
      measured: times(results.gofeBillFactor),
      target: '-',
      baseline: `GoFE decrypt ${ms(month?.decryptMs)}`,
    },
  ];
}

export function resultRows(results: FeResults): Row[] {
  const gofeBytes =
    results.gofe.day === undefined
      ? '-'
      : `GoFE ${String(Math.round(results.gofe.day.ciphertextBytes / 96))} B`;
  return [
    {
      metric: 'encrypt, per reading (wall; CPU)',
      measured: `${ms(results.encryptMsPerReading, 3)}; ${ms(results.encryptCpuMsPerReading, 3)}`,
      target: `< ${String(TARGET_ENCRYPT_MS)} ms`,
      baseline: '-',
    },
    {
      metric: 'customer decrypt, per reading',
      measured: ms(results.customerDecryptMsPerReading, 3),
      target: '-',
      baseline: '-',
    },
    {
      metric: 'bytes per reading',
      measured: `${String(results.bytesPerReading)} B`,
      target: `${String(TARGET_BYTES_PER_READING)} B`,
      baseline: gofeBytes,
    },
    {
      metric: 'month bill (31×96, 2^32, warm; wall; CPU)',
      measured: `${ms(results.monthBillMs)}; ${ms(results.monthBillCpuMs)}`,
      target: `< ${String(TARGET_MONTH_BILL_MS)} ms`,
      baseline: `GoFE month ${ms(results.gofeDdhMonthMs)}`,
    },
    {
      metric: '  of it: decode 2,976 points',
      measured: ms(results.monthBillDecodeMs),
      target: '-',
      baseline: `noble fromBytes ${ms(results.nobleDecodeMonthMs)}`,
    },
    {
      metric: '  of it: combine and solve',
      measured: ms(results.monthBillCombineAndSolveMs),
      target: '-',
      baseline: '-',
    },
    ...results.billByBound.map((entry) => ({
      metric: `bill at bound ${entry.bound} (${entry.outcome}); worst-case log`,
      measured: `${ms(entry.billMs)}; ${ms(entry.worstCaseSolveMs)}`,
      target: '-',
      baseline: '-',
    })),
    {
      metric: `dlog table 2^${String(results.babyStepBits)}: build, load`,
      measured: `${ms(results.dlogTableBuildMs, 0)}, ${ms(results.dlogTableLoadMs, 0)}`,
      target: '-',
      baseline: `${(results.dlogTableFileBytes / 2 ** 20).toFixed(1)} MiB on disk`,
    },
    ...gofeRows(results),
  ];
}
