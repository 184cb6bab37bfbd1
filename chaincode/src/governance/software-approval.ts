import {
  type LrApproval,
  type Role,
  SOFTWARE_APPROVED_EVENT,
  SOFTWARE_WITHDRAWN_EVENT,
  type SoftwareApproval,
  type SoftwareApprovalRequest,
  type SoftwareApprovalResult,
  type SoftwareApprovedEvent,
  type SoftwareMeterKind,
  type SoftwareWithdrawalRequest,
  lrApprovalSchema,
  softwareApprovalRequestSchema,
  softwareApprovalSchema,
  softwareMeterKindSchema,
  softwareWithdrawalRequestSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, listParsedState, putCanonicalState, toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';

/**
 * Notified bodies approve LR software through the audit service of an NMI: its identity holds the auditor role
 * and acts for the authenticated notified-body principal it names in `notifiedBody`.
 */
export const SOFTWARE_APPROVER_ROLE: Role = 'auditor';

const SOFTWARE_OBJECT_TYPE = 'software';
/** `lrApproval~<meterKind>~<fingerprint>`: what recordBatch reads for each kind of a batch. */
export const LR_APPROVAL_OBJECT_TYPE = 'lrApproval';
const versionSchema = softwareApprovalRequestSchema.shape.version;

export function parseSoftwareApprovalRequest(requestJson: string): SoftwareApprovalRequest {
  return parseJsonArgument(softwareApprovalRequestSchema, requestJson, 'software approval request');
}

export function parseSoftwareWithdrawalRequest(requestJson: string): SoftwareWithdrawalRequest {
  return parseJsonArgument(softwareWithdrawalRequestSchema, requestJson, 'software withdrawal request');
}

export function parseSoftwareVersion(version: string): string {
  return validateArgument(versionSchema, version, 'software version');
}

/** '' lists every kind. */
export function parseMeterKindFilter(meterKind: string): SoftwareMeterKind | undefined {
  return meterKind === '' ? undefined : validateArgument(softwareMeterKindSchema, meterKind, 'meter kind');
}

export function lrApprovalKey(ctx: Context, meterKind: string, fingerprint: string): string {
  return ctx.stub.createCompositeKey(LR_APPROVAL_OBJECT_TYPE, [meterKind, fingerprint]);
}

/** Fails unless every existing per-kind approval of the request is of the same version and not withdrawn. */
function checkExisting(
  request: SoftwareApprovalRequest,
  existing: readonly (LrApproval | undefined)[],
): void {
  for (const approval of existing) {
    if (approval === undefined) {
      continue;
    }
    const details = {
      fingerprint: approval.fingerprint,
      meterKind: approval.meterKind,
      version: approval.version,
    };
    if (approval.version !== request.version) {
      throw new ChaincodeError(
        'ALREADY_EXISTS',
        `fingerprint ${approval.fingerprint} is approved as version ${approval.version}`,
        details,
      );
    }
    if (approval.status === 'withdrawn') {
      throw new ChaincodeError(
        'APPROVAL_WITHDRAWN',
        `the approval of ${approval.fingerprint} for ${approval.meterKind} was withdrawn; a withdrawn build stays withdrawn`,
        details,
      );
    }
  }
}

/**
 * Approves one build for the request's meter kinds. The version record (`software~<version>`) binds a version to
 * one fingerprint; another fingerprint for it fails with ALREADY_EXISTS. Kinds approved already stay as they are, a
 * withdrawn kind fails with APPROVAL_WITHDRAWN (nothing is written then). Emits SOFTWARE_APPROVED_EVENT when a kind
 * is approved newly; a retried approval writes nothing and returns the same records.
 */
export async function approveSoftware(
  ctx: Context,
  request: SoftwareApprovalRequest,
  approvedBy: string,
): Promise<string> {
  const versionKey = softwareKey(ctx, request.version);
  const stored = await getParsedState(ctx, versionKey, softwareApprovalSchema);
  if (stored !== undefined && stored.fingerprint !== request.fingerprint) {
    throw new ChaincodeError(
      'ALREADY_EXISTS',
      `software version ${request.version} is already approved with fingerprint ${stored.fingerprint}`,
      { version: request.version, fingerprint: stored.fingerprint },
    );
  }
  const keys = request.meterKinds.map((kind) => lrApprovalKey(ctx, kind, request.fingerprint));
  const existing = await Promise.all(keys.map((key) => getParsedState(ctx, key, lrApprovalSchema)));
  checkExisting(request, existing);
  const approvedAt = transactionTimeIso(ctx);
  const txId = ctx.stub.getTxID();
  const software: SoftwareApproval = stored ?? {
    version: request.version,
    fingerprint: request.fingerprint,
    notifiedBody: request.notifiedBody,
    approvedBy,
    approvedAt,
    txId,
  };
  if (stored === undefined) {
    await putCanonicalState(ctx, versionKey, softwareApprovalSchema.parse(software));
  }
  const approvals: LrApproval[] = [];
  const newKinds: SoftwareMeterKind[] = [];
  for (const [index, meterKind] of request.meterKinds.entries()) {
    const approval = existing[index] ?? newApproval(request, meterKind, { approvedBy, approvedAt, txId });
    if (existing[index] === undefined) {
      await putCanonicalState(ctx, keys[index] ?? '', lrApprovalSchema.parse(approval));
      newKinds.push(meterKind);
    }
    approvals.push(approval);
  }
  if (newKinds.length > 0) {
    const event: SoftwareApprovedEvent = { ...software, approvedBy, approvedAt, txId, meterKinds: newKinds };
    ctx.stub.setEvent(SOFTWARE_APPROVED_EVENT, Buffer.from(toCanonicalJson(event), 'utf8'));
  }
  const result: SoftwareApprovalResult = { software, approvals };
  return toCanonicalJson(result);
}

function newApproval(
  request: SoftwareApprovalRequest,
  meterKind: SoftwareMeterKind,
  by: Readonly<{ approvedBy: string; approvedAt: string; txId: string }>,
): LrApproval {
  return {
    version: request.version,
    fingerprint: request.fingerprint,
    meterKind,
    notifiedBody: request.notifiedBody,
    status: 'approved',
    approvedBy: by.approvedBy,
    approvedAt: by.approvedAt,
    approvedTxId: by.txId,
  };
}

/**
 * Withdraws the approval of one fingerprint for one kind and emits SOFTWARE_WITHDRAWN_EVENT; from then on the
 * measurement contract refuses batches of that kind run by that build. NOT_FOUND when it was never approved; a
 * withdrawal withdrawn already is returned as stored, without writing.
 */
export async function withdrawSoftware(
  ctx: Context,
  request: SoftwareWithdrawalRequest,
  withdrawnBy: string,
): Promise<string> {
  const key = lrApprovalKey(ctx, request.meterKind, request.fingerprint);
  const approval = await getParsedState(ctx, key, lrApprovalSchema);
  if (approval === undefined) {
    throw new ChaincodeError(
      'NOT_FOUND',
      `fingerprint ${request.fingerprint} is not approved for ${request.meterKind}`,
      { fingerprint: request.fingerprint, meterKind: request.meterKind },
    );
  }
  if (approval.status === 'withdrawn') {
    return toCanonicalJson(approval);
  }
  const withdrawn: LrApproval = lrApprovalSchema.parse({
    ...approval,
    status: 'withdrawn',
    withdrawnBy,
    withdrawnAt: transactionTimeIso(ctx),
    withdrawnTxId: ctx.stub.getTxID(),
    reason: request.reason,
  });
  const json = await putCanonicalState(ctx, key, withdrawn);
  ctx.stub.setEvent(SOFTWARE_WITHDRAWN_EVENT, Buffer.from(json, 'utf8'));
  return json;
}

/** The per-kind approvals (withdrawn ones included), of one kind or of all, in key order (kind, fingerprint). */
export async function listLrApprovals(
  ctx: Context,
  meterKind: SoftwareMeterKind | undefined,
): Promise<LrApproval[]> {
  return listParsedState(
    ctx,
    LR_APPROVAL_OBJECT_TYPE,
    meterKind === undefined ? [] : [meterKind],
    lrApprovalSchema,
  );
}

export async function getSoftwareApproval(ctx: Context, version: string): Promise<SoftwareApproval> {
  const approval = await getParsedState(ctx, softwareKey(ctx, version), softwareApprovalSchema);
  if (approval === undefined) {
    throw new ChaincodeError('NOT_FOUND', `software version ${version} is not approved`, { version });
  }
  return approval;
}

/** Every version record, ordered by version as the ledger orders composite keys. */
export async function listSoftwareApprovals(ctx: Context): Promise<SoftwareApproval[]> {
  return listParsedState(ctx, SOFTWARE_OBJECT_TYPE, [], softwareApprovalSchema);
}

function softwareKey(ctx: Context, version: string): string {
  return ctx.stub.createCompositeKey(SOFTWARE_OBJECT_TYPE, [version]);
}
