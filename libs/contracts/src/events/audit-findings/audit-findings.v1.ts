import { z } from 'zod';
import { isoTimestampSchema, mspIdSchema } from '../shared/event-primitives';

export const AUDIT_FINDING_CATEGORIES = [
  'lr-mismatch',
  'ledger-divergence',
  'signature-invalid',
  'seq-anomaly',
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
});
export type AuditFindingsV1 = z.infer<typeof auditFindingsV1ValueSchema>;
