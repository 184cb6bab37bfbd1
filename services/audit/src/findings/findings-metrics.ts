import type { AuditFindingsV1 } from '@metrochain/contracts';
import type { Metrics } from '@metrochain/service-kit';

export const FINDINGS_METRIC = 'metrochain_audit_findings_total';

/** Counts each published finding by category and severity (resolutions are `info`). */
export function findingsCounter(metrics: Metrics): (finding: AuditFindingsV1) => void {
  const findings = metrics.counter({
    name: FINDINGS_METRIC,
    help: 'Findings published on audit.findings.v1, by category and severity',
    labelNames: ['category', 'severity'],
  });
  return (finding) => {
    findings.inc({ category: finding.category, severity: finding.severity });
  };
}
