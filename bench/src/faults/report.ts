import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckCounts } from './checker';
import type { SeriesVerdict, SoakSample } from './soak';

/** One row of the fault table: what the fault did to the readings accepted while it ran. */
export interface FaultRow {
  fault: string;
  component: string;
  injectedAt: string;
  /** Inject to healed (every touched process back and healthy). */
  heldMs: number;
  /** Healed to the first reading recorded after it; undefined when none was recorded within the wait. */
  recoveryMs: number | undefined;
  /** The longest stretch without a reading recorded, from injection until recovered. */
  stallMs: number;
  counts: CheckCounts;
  /** What else went wrong (the fault could not be injected or healed, a finding of the audit). */
  problems: string[];
  /** What a scenario fault's own check measured (e.g. time to complete after healing, amounts expected and got). */
  facts?: Record<string, number | string | boolean>;
  verdict: 'pass' | 'fail';
  /** The fault's open issue, when it has one (a failing row is then a TODO in the TAP). */
  knownIssue?: string;
}

export interface FaultsReport {
  measuredAt: string;
  subset: 'fast' | 'full' | 'soak';
  offeredPerSecond: number;
  meters: number;
  rows: FaultRow[];
  /** The whole run at once: adds records nobody was told about and per-meter counters. */
  total: CheckCounts & { missingByStatus: Record<string, number>; violations: string[] };
  auditFindings: Record<string, number>;
  /** Up to three findings per category: summary and evidence. */
  auditFindingExamples: Record<string, string[]>;
  soak?: {
    seconds: number;
    samples: number;
    verdicts: SeriesVerdict[];
    redis: Record<string, unknown>;
    /** About one sample a minute, so that a series' shape can be read afterwards, not only its first and last. */
    timeline?: SoakSample[];
  };
  load: Record<string, unknown>;
  verdict: 'pass' | 'fail';
}

const cell = (value: number | undefined, unit = ''): string =>
  value === undefined || !Number.isFinite(value)
    ? '-'
    : `${Math.round(value).toLocaleString('en-US')}${unit}`;

export function formatFaultTable(report: Readonly<FaultsReport>): string {
  const header = ['fault', 'accepted', 'recorded', 'lost', 'dup', 'recovery', 'stall', 'verdict'];
  const lines = report.rows.map((row) => [
    row.fault,
    cell(row.counts.accepted),
    cell(row.counts.recorded),
    cell(row.counts.lost),
    cell(row.counts.duplicated),
    cell(row.recoveryMs, ' ms'),
    cell(row.stallMs, ' ms'),
    row.verdict === 'pass' ? 'pass' : `FAIL ${row.problems.join('; ')}`,
  ]);
  lines.push([
    'whole run (incl. warm-up, soak)',
    cell(report.total.accepted),
    cell(report.total.recorded),
    cell(report.total.lost),
    cell(report.total.duplicated),
    '',
    '',
    report.total.violations.length === 0 ? 'pass' : `FAIL ${report.total.violations.join('; ')}`,
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => (line[i] ?? '').length)));
  const format = (line: readonly string[]): string =>
    line
      .map((value, i) => (i === 0 ? value.padEnd(widths[i] ?? 0) : value.padStart(widths[i] ?? 0)))
      .join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(format)].join('\n');
}

export function writeReport(file: string, report: Readonly<FaultsReport>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** TAP 13 lines in the shape node's test runner writes, so that the test command's summary counts each fault. */
export function writeTap(file: string, report: Readonly<FaultsReport>): void {
  const checks: { name: string; ok: boolean; why: string; todo?: string }[] = [
    ...report.rows.map((row) => ({
      name: row.fault,
      ok: row.verdict === 'pass',
      why: row.problems.join('; '),
      ...(row.knownIssue === undefined ? {} : { todo: row.knownIssue }),
    })),
    {
      name: 'whole run: exactly once',
      ok: report.total.violations.length === 0,
      why: report.total.violations.join('; '),
      ...wholeRunTodo(report),
    },
    ...(report.soak === undefined
      ? []
      : [
          {
            name: `soak ${String(report.soak.seconds)} s: nothing grows without bound`,
            ok: report.soak.verdicts.every((v) => v.bounded),
            why: report.soak.verdicts
              .filter((v) => !v.bounded)
              .map((v) => v.series)
              .join('; '),
          },
        ]),
  ];
  const body = checks.map((check, i) => {
    const status = `${check.ok ? 'ok' : 'not ok'} ${String(i + 1)} - faults: ${check.name}`;
    if (check.ok) {
      return status;
    }
    return check.todo === undefined
      ? `${status} # ${check.why}`
      : `${status} # TODO ${check.todo}: ${check.why}`;
  });
  const passed = checks.filter((check) => check.ok).length;
  const todo = checks.filter((check) => !check.ok && check.todo !== undefined).length;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      'TAP version 13',
      ...body,
      `1..${String(checks.length)}`,
      `# tests ${String(checks.length)}`,
      `# pass ${String(passed)}`,
      `# fail ${String(checks.length - passed - todo)}`,
      `# todo ${String(todo)}`,
      '',
    ].join('\n'),
  );
}

/** The whole run's only violation is the readings lost in rows with a known issue: a TODO too, naming it. */
function wholeRunTodo(report: Readonly<FaultsReport>): { todo?: string } {
  const known = report.rows.filter((row) => row.knownIssue !== undefined && row.verdict === 'fail');
  const knownLost = known.reduce((sum, row) => sum + row.counts.lost, 0);
  const [only, ...more] = report.total.violations;
  if (known.length === 0 || more.length > 0 || only !== `lost ${String(report.total.lost)}`) {
    return {};
  }
  return report.total.lost <= knownLost ? { todo: known[0]?.knownIssue ?? '' } : {};
}
