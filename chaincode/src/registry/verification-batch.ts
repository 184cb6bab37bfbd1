import {
  RegistryEvents,
  type Role,
  type VerificationBatch,
  type VerificationBatchRequest,
  verificationBatchRequestSchema,
  verificationBatchSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, putCanonicalState, toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';
import { emitRegistryEvent } from './registry-state';

/** The verification service anchors the Merkle roots of its log. */
export const BATCH_ANCHOR_ROLE: Role = 'verifier';

const BATCH_OBJECT_TYPE = 'registry-batch';

export function parseVerificationBatchRequest(requestJson: string): VerificationBatchRequest {
  return parseJsonArgument(verificationBatchRequestSchema, requestJson, 'verification batch');
}

export function parseBatchId(batchId: string): string {
  return validateArgument(verificationBatchRequestSchema.shape.batchId, batchId, 'batch id');
}

/**
 * Anchors a batch and emits `registry.batch.anchored`; returns the batch as canonical JSON. Anchoring the same
 * batch again returns the stored one without writing (a retried submit is harmless); another root or size for an
 * anchored id fails with ALREADY_EXISTS, because an anchor never changes.
 */
export async function anchorVerificationBatch(
  ctx: Context,
  request: VerificationBatchRequest,
  anchoredBy: string,
): Promise<string> {
  const key = batchKey(ctx, request.batchId);
  const existing = await getParsedState(ctx, key, verificationBatchSchema);
  if (existing !== undefined) {
    if (existing.merkleRoot !== request.merkleRoot || existing.size !== request.size) {
      throw new ChaincodeError(
        'ALREADY_EXISTS',
        `verification batch ${request.batchId} is already anchored`,
        {
          batchId: request.batchId,
          merkleRoot: existing.merkleRoot,
          size: existing.size,
        },
      );
    }
    return toCanonicalJson(existing);
  }
  const batch: VerificationBatch = {
    ...request,
    anchoredBy,
    anchoredAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const json = await putCanonicalState(ctx, key, verificationBatchSchema.parse(batch));
  emitRegistryEvent(ctx, RegistryEvents.batchAnchored, batch);
  return json;
}

export async function getVerificationBatch(ctx: Context, batchId: string): Promise<VerificationBatch> {
  const batch = await getParsedState(ctx, batchKey(ctx, batchId), verificationBatchSchema);
  if (batch === undefined) {
    throw new ChaincodeError('NOT_FOUND', `verification batch ${batchId} is not anchored`, { batchId });
  }
  return batch;
}

function batchKey(ctx: Context, batchId: string): string {
  return ctx.stub.createCompositeKey(BATCH_OBJECT_TYPE, [batchId]);
}
