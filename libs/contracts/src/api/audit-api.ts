import { z } from 'zod';
import {
  lrApprovalSchema,
  softwareApprovalRequestSchema,
  softwareApprovalResultSchema,
  SOFTWARE_METER_KINDS,
  softwareMeterKindSchema,
  softwareWithdrawalRequestSchema,
} from '../ledger/governance';
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
  softwareApprovals: '/api/software-approvals',
  softwareWithdrawal: '/api/software-approvals/:fingerprint/:meterKind/withdraw',
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

// ---- software approvals (docs/plan-audit.md §1.4) -----------------------------------------------------------------

/**
 * POST /api/software-approvals: a notified body (an authenticated auditor principal, named on the ledger by its
 * `sub`) approves one build for meter kinds; the audit service submits it with its own identity. A kind named twice
 * counts once (the OpenAPI document cannot state uniqueness, so the body does not refuse it).
 */
export const softwareApprovalBodySchema = softwareApprovalRequestSchema
  .omit({ notifiedBody: true })
  .extend({
    meterKinds: z
      .array(softwareMeterKindSchema)
      .min(1)
      .max(SOFTWARE_METER_KINDS.length)
      .transform((kinds) => [...new Set(kinds)]),
  })
  .strict();
export type SoftwareApprovalBody = z.infer<typeof softwareApprovalBodySchema>;

/** POST …/:fingerprint/:meterKind/withdraw: why the approval is withdrawn. */
export const softwareWithdrawalBodySchema = softwareWithdrawalRequestSchema.pick({ reason: true }).strict();
export type SoftwareWithdrawalBody = z.infer<typeof softwareWithdrawalBodySchema>;

export const softwareFingerprintParamSchema = softwareWithdrawalRequestSchema.shape.fingerprint;
export const softwareMeterKindParamSchema = softwareMeterKindSchema;

/** GET /api/software-approvals?meterKind=: every per-kind approval, withdrawn ones included. */
export const softwareApprovalsQuerySchema = z
  .object({ meterKind: softwareMeterKindSchema.optional() })
  .strict();
export type SoftwareApprovalsQuery = z.infer<typeof softwareApprovalsQuerySchema>;

/** The ledger's answer and the transaction that committed it. */
export const softwareApprovalResponseSchema = softwareApprovalResultSchema.extend({
  transactionId: z.string(),
});
export type SoftwareApprovalResponse = z.infer<typeof softwareApprovalResponseSchema>;
export const softwareWithdrawalResponseSchema = lrApprovalSchema.extend({ transactionId: z.string() });
export type SoftwareWithdrawalResponse = z.infer<typeof softwareWithdrawalResponseSchema>;
