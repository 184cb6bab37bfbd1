import {
  METER_MODEL_APPROVED_EVENT,
  type MeterModelApproval,
  type MeterModelApprovalRequest,
  type Role,
  meterModelApprovalRequestSchema,
  meterModelApprovalSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, putCanonicalState, toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';

/** NMIs approve meter models through their registration authority (the registration service's identity). */
export const MODEL_APPROVER_ROLE: Role = 'registrar';

const MODEL_OBJECT_TYPE = 'model';
const modelSchema = meterModelApprovalRequestSchema.shape.model;

export function parseMeterModelApprovalRequest(requestJson: string): MeterModelApprovalRequest {
  return parseJsonArgument(meterModelApprovalRequestSchema, requestJson, 'meter model approval request');
}

export function parseMeterModel(model: string): string {
  return validateArgument(modelSchema, model, 'meter model');
}

/**
 * Records that `model` is approved for `manufacturer` and emits METER_MODEL_APPROVED_EVENT. Approving it again for
 * the same manufacturer returns the stored approval (a retried submit is harmless); for another manufacturer it
 * fails with ALREADY_EXISTS, because a model name belongs to one manufacturer.
 */
export async function approveMeterModel(
  ctx: Context,
  request: MeterModelApprovalRequest,
  approvedBy: string,
): Promise<string> {
  const key = modelKey(ctx, request.model);
  const existing = await getParsedState(ctx, key, meterModelApprovalSchema);
  if (existing !== undefined) {
    if (existing.manufacturer !== request.manufacturer) {
      throw new ChaincodeError(
        'ALREADY_EXISTS',
        `model ${request.model} belongs to ${existing.manufacturer}`,
        {
          model: request.model,
        },
      );
    }
    return toCanonicalJson(existing);
  }
  const approval: MeterModelApproval = meterModelApprovalSchema.parse({
    ...request,
    approvedBy,
    approvedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  });
  const json = await putCanonicalState(ctx, key, approval);
  ctx.stub.setEvent(METER_MODEL_APPROVED_EVENT, Buffer.from(json, 'utf8'));
  return json;
}

export async function getMeterModel(ctx: Context, model: string): Promise<MeterModelApproval> {
  const approval = await getParsedState(ctx, modelKey(ctx, model), meterModelApprovalSchema);
  if (approval === undefined) {
    throw new ChaincodeError('NOT_FOUND', `meter model ${model} is not approved`, { model });
  }
  return approval;
}

function modelKey(ctx: Context, model: string): string {
  return ctx.stub.createCompositeKey(MODEL_OBJECT_TYPE, [model]);
}
