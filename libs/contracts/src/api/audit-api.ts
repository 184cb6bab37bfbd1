import { z } from 'zod';
import {
  AUDIT_FINDING_CATEGORIES,
  auditFindingsV1ValueSchema,
  auditSubjectSchema,
} from '../events/audit-findings/audit-findings.v1';

/**
 * HTTP API of the audit service (docs/audit.md). Auditors read findings, re-execution results, the network's health
 * and the explorer views; one page and its two routes are public (the receipt check). Errors are `{ code, message }`.
 * Each feature keeps its schemas in its own section below.
 */
export const AuditApiPaths = {
  findings: '/api/findings',
  finding: '/api/findings/:findingId',
} as const;

// ---- findings ----------------------------------------------------------------------------------------------------

/** Codes the audit service raises itself; ledger refusals keep the chaincode's codes. */
export const AuditErrorCode = {
  FINDING_UNKNOWN: 'FINDING_UNKNOWN',
} as const;
export type AuditErrorCode = (typeof AuditErrorCode)[keyof typeof AuditErrorCode];

export const FINDINGS_PAGE_MAX = 500;

/** GET /api/findings: newest first, optionally one category or one subject. */
export const findingsQuerySchema = z
  .object({
    category: z.enum(AUDIT_FINDING_CATEGORIES).optional(),
    subject: auditSubjectSchema.optional(),
    limit: z.coerce.number().int().min(1).max(FINDINGS_PAGE_MAX).default(100),
  })
  .strict();
export type FindingsQuery = z.infer<typeof findingsQuerySchema>;

export const findingIdSchema = z.string().uuid();

/** A finding as the API returns it: the event, plus whether a later finding resolved it. */
export const findingViewSchema = auditFindingsV1ValueSchema.extend({
  resolvedBy: z.string().uuid().optional(),
});
export type FindingView = z.infer<typeof findingViewSchema>;
