import { z } from 'zod';
import { READING_KINDS } from '../events/shared/reading';
import { meterModelSchema } from './registry';

/** The governance contract: chaincode identity, approved legally relevant (LR) software versions. */
export const GOVERNANCE_CONTRACT = 'governance';

export const GovernanceTransactions = {
  getVersion: 'getVersion',
  approveSoftwareVersion: 'approveSoftwareVersion',
  getApprovedSoftware: 'getApprovedSoftware',
  listApprovedSoftware: 'listApprovedSoftware',
  withdrawSoftwareApproval: 'withdrawSoftwareApproval',
  listSoftwareApprovals: 'listSoftwareApprovals',
  approveMeterModel: 'approveMeterModel',
  getMeterModel: 'getMeterModel',
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 digest');

export const chaincodeVersionSchema = z.object({
  chaincodeVersion: z.string().min(1),
  lrFingerprint: sha256Hex,
});
export type ChaincodeVersion = z.infer<typeof chaincodeVersionSchema>;

/** The meter kinds a notified body approves LR software for, one by one (the reading kinds). */
export const SOFTWARE_METER_KINDS = READING_KINDS;
export const softwareMeterKindSchema = z.enum(SOFTWARE_METER_KINDS);
export type SoftwareMeterKind = z.infer<typeof softwareMeterKindSchema>;

const versionLabelSchema = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/, 'expected a version such as 1.2.0');
const notifiedBodySchema = z.string().min(1).max(128);

/** A notified body approves one build (version ↔ fingerprint) for one or more meter kinds. */
export const softwareApprovalRequestSchema = z.object({
  version: versionLabelSchema,
  fingerprint: sha256Hex,
  notifiedBody: notifiedBodySchema,
  meterKinds: z
    .array(softwareMeterKindSchema)
    .min(1)
    .max(SOFTWARE_METER_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'expected each meter kind once'),
});
export type SoftwareApprovalRequest = z.infer<typeof softwareApprovalRequestSchema>;

/** The ledger's version record (`software~<version>`): a version names exactly one build; written by its first approval. */
export const softwareApprovalSchema = z.object({
  version: versionLabelSchema,
  fingerprint: sha256Hex,
  notifiedBody: notifiedBodySchema,
  approvedBy: z.string().min(1),
  approvedAt: z.string().datetime(),
  txId: z.string().min(1),
});
export type SoftwareApproval = z.infer<typeof softwareApprovalSchema>;

export const LR_APPROVAL_STATUSES = ['approved', 'withdrawn'] as const;

/**
 * The approval of one fingerprint for one meter kind (`lrApproval~<kind>~<fingerprint>`): what the measurement
 * contract checks before it records a reading of that kind. A withdrawal keeps the record and says who, when, why.
 */
export const lrApprovalSchema = z.object({
  version: versionLabelSchema,
  fingerprint: sha256Hex,
  meterKind: softwareMeterKindSchema,
  notifiedBody: notifiedBodySchema,
  status: z.enum(LR_APPROVAL_STATUSES),
  approvedBy: z.string().min(1),
  approvedAt: z.string().datetime(),
  approvedTxId: z.string().min(1),
  withdrawnBy: z.string().min(1).optional(),
  withdrawnAt: z.string().datetime().optional(),
  withdrawnTxId: z.string().min(1).optional(),
  reason: z.string().min(1).max(500).optional(),
});
export type LrApproval = z.infer<typeof lrApprovalSchema>;

/** What approveSoftwareVersion returns: the version record and the per-kind approvals of the request's kinds. */
export const softwareApprovalResultSchema = z.object({
  software: softwareApprovalSchema,
  approvals: z.array(lrApprovalSchema),
});
export type SoftwareApprovalResult = z.infer<typeof softwareApprovalResultSchema>;

/** A notified body withdraws its approval of one fingerprint for one meter kind, giving a reason. */
export const softwareWithdrawalRequestSchema = z.object({
  fingerprint: sha256Hex,
  meterKind: softwareMeterKindSchema,
  reason: z.string().trim().min(1).max(500),
});
export type SoftwareWithdrawalRequest = z.infer<typeof softwareWithdrawalRequestSchema>;

/**
 * Chaincode event emitted when an approval writes something: the version record's fields, with the transaction
 * that approved and the kinds it approved newly.
 */
export const SOFTWARE_APPROVED_EVENT = 'governance.software.approved';
export const softwareApprovedEventSchema = softwareApprovalSchema.extend({
  meterKinds: z.array(softwareMeterKindSchema).min(1),
});
export type SoftwareApprovedEvent = z.infer<typeof softwareApprovedEventSchema>;

/** Chaincode event emitted when an approval is withdrawn; the payload is the withdrawn LrApproval. */
export const SOFTWARE_WITHDRAWN_EVENT = 'governance.software.withdrawn';

// ---- meter models (type approval): a manufacturer may register meters of its approved models only ----------------

/** What an NMI operator approves: a model name, the manufacturer (principal name) it belongs to, the operator. */
export const meterModelApprovalRequestSchema = z
  .object({
    model: meterModelSchema,
    manufacturer: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'expected a principal name'),
    operator: z.string().min(1).max(64),
  })
  .strict();
export type MeterModelApprovalRequest = z.infer<typeof meterModelApprovalRequestSchema>;

/** The ledger record: the request plus the approving NMI (caller's MSP), the transaction time and id. */
export const meterModelApprovalSchema = meterModelApprovalRequestSchema.extend({
  approvedBy: z.string().min(1),
  approvedAt: z.string().datetime(),
  txId: z.string().min(1),
});
export type MeterModelApproval = z.infer<typeof meterModelApprovalSchema>;

export const METER_MODEL_APPROVED_EVENT = 'governance.model.approved';
