import { z } from 'zod';
import { meterModelSchema } from './registry';

/** The governance contract: chaincode identity, approved legally relevant (LR) software versions. */
export const GOVERNANCE_CONTRACT = 'governance';

export const GovernanceTransactions = {
  getVersion: 'getVersion',
  approveSoftwareVersion: 'approveSoftwareVersion',
  getApprovedSoftware: 'getApprovedSoftware',
  listApprovedSoftware: 'listApprovedSoftware',
  approveMeterModel: 'approveMeterModel',
  getMeterModel: 'getMeterModel',
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 digest');

export const chaincodeVersionSchema = z.object({
  chaincodeVersion: z.string().min(1),
  lrFingerprint: sha256Hex,
});
export type ChaincodeVersion = z.infer<typeof chaincodeVersionSchema>;

export const softwareApprovalRequestSchema = z.object({
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/, 'expected a version such as 1.2.0'),
  fingerprint: sha256Hex,
  notifiedBody: z.string().min(1).max(128),
});
export type SoftwareApprovalRequest = z.infer<typeof softwareApprovalRequestSchema>;

export const softwareApprovalSchema = softwareApprovalRequestSchema.extend({
  approvedBy: z.string().min(1),
  approvedAt: z.string().datetime(),
  txId: z.string().min(1),
});
export type SoftwareApproval = z.infer<typeof softwareApprovalSchema>;

/** Chaincode event emitted after an approval is written. */
export const SOFTWARE_APPROVED_EVENT = 'governance.software.approved';

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
