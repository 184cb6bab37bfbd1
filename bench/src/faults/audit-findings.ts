import type { NetworkProfile } from '@metrochain/config';
import {
  AUDIT_FINDING_CATEGORIES,
  AuditApiPaths,
  FINDINGS_PAGE_MAX,
  findingViewSchema,
} from '@metrochain/contracts';

const AUDIT_URL = 'http://127.0.0.1:3005';
const AUDITOR = 'auditor-ptb';

/**
 * Findings the audit service raised since `since`, by category, read as an auditor would: the verification-log
 * completeness check and the cross-NMI comparison run beside the faults, so a broken batch or a diverging ledger
 * shows here even when the reading counts look right.
 */
export async function auditFindingsSince(
  profile: NetworkProfile,
  since: number,
): Promise<{ counts: Record<string, number>; examples: Record<string, string[]> }> {
  const token = profile.identity.principals.find((p) => p.name === AUDITOR)?.token;
  if (token === undefined) {
    throw new Error(`the network profile provisions no ${AUDITOR}`);
  }
  const counts: Record<string, number> = {};
  const examples: Record<string, string[]> = {};
  for (const category of AUDIT_FINDING_CATEGORIES) {
    const query = new URLSearchParams({ category, limit: String(FINDINGS_PAGE_MAX) });
    const response = await fetch(`${AUDIT_URL}${AuditApiPaths.findings}?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(`GET ${AuditApiPaths.findings} answered ${String(response.status)}`);
    }
    const findings = findingViewSchema.array().parse(await response.json());
    const recent = findings.filter((f) => f.resolves === undefined && Date.parse(f.detectedAt) >= since);
    if (recent.length > 0) {
      counts[category] = recent.length;
      examples[category] = recent
        .slice(0, 3)
        .map((f) => `${f.summary} ${JSON.stringify(f.evidence).slice(0, 400)}`);
    }
  }
  return { counts, examples };
}
