import {
  type MeterRecord,
  RegistryEvents,
  type RotateKeyRequest,
  rotateKeyRequestSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { type MeterPublicKey, rotationStatementOf, readMeterKey, requireSignature } from './meter-keys';
import {
  emitRegistryEvent,
  markNonceUsed,
  putMeter,
  requireFreshNonce,
  requireMeter,
} from './registry-state';

export function parseRotateKeyRequest(requestJson: string): RotateKeyRequest {
  return parseJsonArgument(rotateKeyRequestSchema, requestJson, 'key rotation request');
}

/**
 * Replaces an active meter's key and emits `registry.meter.key-rotated`; returns the meter as canonical JSON.
 * The rotation statement must be signed by the current key (continuity) and the new key (possession); the meter
 * stays active without new attestations, and the old key stays valid for data measured before the rotation only.
 */
export async function rotateMeterKey(
  ctx: Context,
  request: RotateKeyRequest,
  rotatedBy: string,
): Promise<string> {
  const meter = await requireMeter(ctx, request.meterId);
  requireRotatable(meter);
  const oldKey = readMeterKey(meter.publicKeyPem);
  const newKey = readMeterKey(request.newPublicKeyPem);
  requireUnusedKey(meter, newKey);
  await requireFreshNonce(ctx, rotatedBy, request.nonce);
  const statement = rotationStatementOf({
    meterId: meter.meterId,
    oldKeyFingerprint: oldKey.fingerprint,
    newKeyFingerprint: newKey.fingerprint,
    nonce: request.nonce,
  });
  requireSignature(oldKey, statement, request.oldKeySignature, 'old key');
  requireSignature(newKey, statement, request.newKeySignature, 'new key');
  const rotatedAt = transactionTimeIso(ctx);
  const rotated = withNewKey(meter, newKey, rotatedAt);
  const json = await putMeter(ctx, rotated);
  await markNonceUsed(ctx, rotatedBy, request.nonce);
  emitRegistryEvent(ctx, RegistryEvents.meterKeyRotated, {
    meterId: rotated.meterId,
    status: rotated.status,
    oldKeyFingerprint: oldKey.fingerprint,
    newKeyFingerprint: newKey.fingerprint,
    publicKeyPem: newKey.pem,
    rotatedAt,
    by: rotatedBy,
    txId: ctx.stub.getTxID(),
  });
  return json;
}

function requireRotatable(meter: MeterRecord): void {
  const meterId = meter.meterId;
  if (meter.status === 'revoked') {
    throw new ChaincodeError('METER_REVOKED', `meter ${meterId} is revoked`, { meterId });
  }
  // A pending key has not earned the trust that a rotation would hand on to its successor.
  if (meter.status !== 'active') {
    throw new ChaincodeError('METER_NOT_ACTIVE', `meter ${meterId} is ${meter.status}, not active`, {
      meterId,
      status: meter.status,
    });
  }
}

// A retired key stays retired: taking it back would make the key history ambiguous about which key signed when.
function requireUnusedKey(meter: MeterRecord, newKey: MeterPublicKey): void {
  if (meter.keyHistory.some((key) => key.keyFingerprint === newKey.fingerprint)) {
    throw new ChaincodeError(
      'INVALID_ARGUMENT',
      `invalid key rotation request: meter ${meter.meterId} already used key ${newKey.fingerprint}`,
      { meterId: meter.meterId, keyFingerprint: newKey.fingerprint },
    );
  }
}

function withNewKey(meter: MeterRecord, newKey: MeterPublicKey, rotatedAt: string): MeterRecord {
  const closed = meter.keyHistory.map((key) =>
    key.validTo === undefined ? { ...key, validTo: rotatedAt } : key,
  );
  return {
    ...meter,
    publicKeyPem: newKey.pem,
    keyFingerprint: newKey.fingerprint,
    keyHistory: [
      ...closed,
      { keyFingerprint: newKey.fingerprint, publicKeyPem: newKey.pem, validFrom: rotatedAt },
    ],
  };
}
