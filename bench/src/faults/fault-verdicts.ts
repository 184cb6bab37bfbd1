import {
  type Acknowledged,
  type CheckCounts,
  type LedgerView,
  checkExactlyOnce,
  violations,
} from './checker';
import type { Fault } from './fault-catalogue';
import type { FaultRow, FaultsReport } from './report';

/** When a fault ran (from its injection to the end of its settling time) and how it went. */
export interface FaultWindow {
  fault: Fault;
  from: number;
  to: number;
  injectedAt: string;
  heldMs: number;
  recoveryMs: number | undefined;
  /** The longest stretch without any reading recorded, from injection to after the recovery. */
  stallMs: number;
  problems: string[];
  /** A scenario fault's facts (timings, amounts), as its check reported them. */
  facts?: Record<string, number | string | boolean>;
}

/** Audit findings that mean a broken record, whatever fault was running (the others come and go with faults). */
export const FAILING_FINDINGS = ['verification-log', 'lr-mismatch', 'raw-data-mismatch', 'ledger-divergence'];

export interface ReportInput {
  subset: FaultsReport['subset'];
  offeredPerSecond: number;
  meters: number;
  windows: readonly FaultWindow[];
  acknowledged: readonly Acknowledged[];
  views: readonly LedgerView[];
  rejected: ReadonlySet<string>;
  /** The acknowledged readings missing from the ledger, by the status the fleet can look up. */
  missingByStatus: Record<string, number>;
  auditFindings: Record<string, number>;
  auditFindingExamples: Record<string, string[]>;
  load: Record<string, unknown> & { abandonedReadings: number };
  soak?: FaultsReport['soak'];
}

const keyOf = (meterId: string, seq: number): string => `${meterId}~${String(seq)}`;

/** A view narrowed to the given readings; per-meter counters only make sense for the whole run, so they go. */
function narrow(view: LedgerView, keys: ReadonlySet<string>): LedgerView {
  return {
    org: view.org,
    entries: view.entries.filter((entry) => keys.has(keyOf(entry.meterId, entry.seq))),
    recordedCounters: new Map(),
  };
}

function row(window: FaultWindow, input: Readonly<ReportInput>): FaultRow {
  const acks = input.acknowledged.filter(
    (ack) => ack.acceptedAt >= window.from && ack.acceptedAt < window.to,
  );
  const keys = new Set(acks.map((ack) => keyOf(ack.meterId, ack.seq)));
  const counts: CheckCounts = checkExactlyOnce(
    acks,
    input.views.map((view) => narrow(view, keys)),
    input.rejected,
  );
  const problems = [...window.problems, ...violations(counts)];
  if (window.recoveryMs === undefined) {
    problems.push('nothing recorded after healing');
  }
  if (counts.accepted === 0) {
    problems.push('no reading accepted while it ran');
  }
  return {
    fault: window.fault.name,
    component: window.fault.component,
    injectedAt: window.injectedAt,
    heldMs: Math.round(window.heldMs),
    recoveryMs: window.recoveryMs === undefined ? undefined : Math.round(window.recoveryMs),
    stallMs: Math.round(window.stallMs),
    counts,
    problems,
    ...(window.facts === undefined ? {} : { facts: window.facts }),
    verdict: problems.length === 0 ? 'pass' : 'fail',
    ...(window.fault.knownIssue === undefined ? {} : { knownIssue: window.fault.knownIssue }),
  };
}

export function buildReport(input: Readonly<ReportInput>): FaultsReport {
  const rows = input.windows.map((window) => row(window, input));
  const totalCounts = checkExactlyOnce(input.acknowledged, input.views, input.rejected);
  const broken = FAILING_FINDINGS.filter((category) => (input.auditFindings[category] ?? 0) > 0).map(
    (category) => `audit finding ${category} ${String(input.auditFindings[category])}`,
  );
  // Readings the fleet gave up at the stop because ingest still refused them: the pipeline had stopped draining.
  const abandoned =
    input.load.abandonedReadings > 0
      ? [`ingest refused ${String(input.load.abandonedReadings)} reading(s) until the fleet gave them up`]
      : [];
  const total = {
    ...totalCounts,
    missingByStatus: input.missingByStatus,
    violations: [...violations(totalCounts), ...broken, ...abandoned],
  };
  const soakBounded = input.soak?.verdicts.every((v) => v.bounded) ?? true;
  const pass = rows.every((r) => r.verdict === 'pass') && total.violations.length === 0 && soakBounded;
  return {
    measuredAt: new Date().toISOString(),
    subset: input.subset,
    offeredPerSecond: input.offeredPerSecond,
    meters: input.meters,
    rows,
    total,
    auditFindings: input.auditFindings,
    auditFindingExamples: input.auditFindingExamples,
    ...(input.soak === undefined ? {} : { soak: input.soak }),
    load: input.load,
    verdict: pass ? 'pass' : 'fail',
  };
}
