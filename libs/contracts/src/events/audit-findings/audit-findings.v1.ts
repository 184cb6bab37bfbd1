import { z } from 'zod';
import { isoTimestampSchema, mspIdSchema } from '../shared/event-primitives';

/**
 * What an auditor's check found. Re-execution: lr-mismatch (result differs), raw-data-mismatch (raw data in the block
 * does not match its digest on the ledger), lr-not-approved (records made with software no notified body approved).
 * Network: ledger-divergence, peer-behind, raft-health. Verification log: verification-log. Surveillance:
 * signature-invalid, seq-anomaly (gaps and bursts), rate-anomaly (rejection and signature-failure rates),
 * stuck-values, speed-drift, clock-drift, fraud-pattern.
 */
export const AUDIT_FINDING_CATEGORIES = [
  'lr-mismatch',
  'raw-data-mismatch',
  'lr-not-approved',
  'ledger-divergence',
  'peer-behind',
  'raft-health',
  'verification-log',
  'signature-invalid',
  'seq-anomaly',
  'rate-anomaly',
  'stuck-values',
  'speed-drift',
  'clock-drift',
  'fraud-pattern',
] as const;
export type AuditFindingCategory = (typeof AUDIT_FINDING_CATEGORIES)[number];

export const AUDIT_FINDING_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AuditFindingSeverity = (typeof AUDIT_FINDING_SEVERITIES)[number];

/** What a finding is about, as `<type>:<id>`, e.g. `meter:m-001` or `org:PTBMSP`. */
export const auditSubjectSchema = z
  .string()
  .regex(/^[a-z][a-z-]{0,31}:[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'expected a subject such as meter:<id>');

export const auditFindingsV1KeySchema = auditSubjectSchema;

export const auditFindingsV1ValueSchema = z.object({
  findingId: z.string().uuid(),
  subject: auditSubjectSchema,
  category: z.enum(AUDIT_FINDING_CATEGORIES),
  severity: z.enum(AUDIT_FINDING_SEVERITIES),
  summary: z.string().min(1).max(2000),
  evidence: z.record(z.string(), z.unknown()),
  detectedBy: mspIdSchema,
  detectedAt: isoTimestampSchema,
  /** Set on the finding that closes an earlier one (e.g. a peer caught up): that finding's id. */
  resolves: z.string().uuid().optional(),
});
export type AuditFindingsV1 = z.infer<typeof auditFindingsV1ValueSchema>;
