import { z } from 'zod';

/** The governance contract: chaincode identity, approved legally relevant (LR) software versions. */
export const GOVERNANCE_CONTRACT = 'governance';

export const GovernanceTransactions = {
  getVersion: 'getVersion',
  approveSoftwareVersion: 'approveSoftwareVersion',
  getApprovedSoftware: 'getApprovedSoftware',
  listApprovedSoftware: 'listApprovedSoftware',
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
