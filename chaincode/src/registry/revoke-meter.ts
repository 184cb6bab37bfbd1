import {
  type MeterRecord,
  REVOCATION_BACKDATE_LIMIT_MS,
  RegistryEvents,
  type RevokeRequest,
  type Revocation,
  revokeRequestSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { instantOf, normalizeTimestamp } from './meter-timeline';
import { emitRegistryEvent, putMeter, requireMeter } from './registry-state';

export function parseRevokeRequest(requestJson: string): RevokeRequest {
  return parseJsonArgument(revokeRequestSchema, requestJson, 'revocation request');
}

/**
 * Revokes a pending or active meter from `effectiveAt` (default: the transaction time) on and emits
 * `registry.meter.revoked`; returns the meter as canonical JSON. Signatures over data measured before the
 * effective time stay valid. The effective time may lie in the future, and at most REVOCATION_BACKDATE_LIMIT_MS
 * before the transaction.
 */
export async function revokeMeter(ctx: Context, request: RevokeRequest, revokedBy: string): Promise<string> {
  const meter = await requireMeter(ctx, request.meterId);
  if (meter.status === 'revoked') {
    throw new ChaincodeError('METER_REVOKED', `meter ${meter.meterId} is already revoked`, {
      meterId: meter.meterId,
      revocation: meter.revocation,
    });
  }
  const revocation = newRevocation(ctx, request, revokedBy);
  const revoked: MeterRecord = { ...meter, status: 'revoked', revocation };
  const json = await putMeter(ctx, revoked);
  emitRegistryEvent(ctx, RegistryEvents.meterRevoked, {
    meterId: revoked.meterId,
    status: revoked.status,
    keyFingerprint: revoked.keyFingerprint,
    revocation,
  });
  return json;
}

function newRevocation(ctx: Context, request: RevokeRequest, revokedBy: string): Revocation {
  const at = transactionTimeIso(ctx);
  const effectiveAt = request.effectiveAt === undefined ? at : normalizeTimestamp(request.effectiveAt);
  const earliest = instantOf(at) - REVOCATION_BACKDATE_LIMIT_MS;
  if (instantOf(effectiveAt) < earliest) {
    throw new ChaincodeError(
      'INVALID_ARGUMENT',
      `invalid revocation request: effectiveAt may be at most ${REVOCATION_BACKDATE_LIMIT_MS} ms before the transaction time ${at}`,
      { effectiveAt, earliest: new Date(earliest).toISOString() },
    );
  }
  const operator = request.operator === undefined ? {} : { operator: request.operator };
  return { reason: request.reason, effectiveAt, by: revokedBy, ...operator, at, txId: ctx.stub.getTxID() };
}
