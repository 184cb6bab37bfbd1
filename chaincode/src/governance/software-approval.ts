import {
  type Role,
  SOFTWARE_APPROVED_EVENT,
  type SoftwareApproval,
  type SoftwareApprovalRequest,
  softwareApprovalRequestSchema,
  softwareApprovalSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, listParsedState, putCanonicalState, toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';

/** Only organisations' governance identities may approve LR software. */
export const SOFTWARE_APPROVER_ROLE: Role = 'governance';

const SOFTWARE_OBJECT_TYPE = 'software';
const versionSchema = softwareApprovalRequestSchema.shape.version;

export function parseSoftwareApprovalRequest(requestJson: string): SoftwareApprovalRequest {
  return parseJsonArgument(softwareApprovalRequestSchema, requestJson, 'software approval request');
}

export function parseSoftwareVersion(version: string): string {
  return validateArgument(versionSchema, version, 'software version');
}

/** Builds the approval record from the request and the transaction that approves it. */
export function newSoftwareApproval(
  ctx: Context,
  request: SoftwareApprovalRequest,
  approvedBy: string,
): SoftwareApproval {
  return softwareApprovalSchema.parse({
    version: request.version,
    fingerprint: request.fingerprint,
    notifiedBody: request.notifiedBody,
    approvedBy,
    approvedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  });
}

/**
 * Records an approval and emits SOFTWARE_APPROVED_EVENT; returns the approval as canonical JSON. Approving a version
 * again with the same fingerprint returns the stored approval (so a retried submit is harmless); a different
 * fingerprint for an approved version fails with ALREADY_EXISTS, because a version names exactly one build.
 */
export async function approveSoftware(
  ctx: Context,
  request: SoftwareApprovalRequest,
  approvedBy: string,
): Promise<string> {
  const key = softwareKey(ctx, request.version);
  const existing = await getParsedState(ctx, key, softwareApprovalSchema);
  if (existing !== undefined) {
    if (existing.fingerprint !== request.fingerprint) {
      throw new ChaincodeError(
        'ALREADY_EXISTS',
        `software version ${request.version} is already approved with fingerprint ${existing.fingerprint}`,
        { version: request.version, fingerprint: existing.fingerprint },
      );
    }
    return toCanonicalJson(existing);
  }
  const json = await putCanonicalState(ctx, key, newSoftwareApproval(ctx, request, approvedBy));
  ctx.stub.setEvent(SOFTWARE_APPROVED_EVENT, Buffer.from(json, 'utf8'));
  return json;
}

export async function getSoftwareApproval(ctx: Context, version: string): Promise<SoftwareApproval> {
  const approval = await getParsedState(ctx, softwareKey(ctx, version), softwareApprovalSchema);
  if (approval === undefined) {
    throw new ChaincodeError('NOT_FOUND', `software version ${version} is not approved`, { version });
  }
  return approval;
}

/** Every approval, ordered by version as the ledger orders composite keys. */
export async function listSoftwareApprovals(ctx: Context): Promise<SoftwareApproval[]> {
  return listParsedState(ctx, SOFTWARE_OBJECT_TYPE, [], softwareApprovalSchema);
}

function softwareKey(ctx: Context, version: string): string {
  return ctx.stub.createCompositeKey(SOFTWARE_OBJECT_TYPE, [version]);
}
