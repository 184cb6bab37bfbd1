import {
  type MeterRecord,
  REGISTRY_EVENT_SCHEMAS,
  type RegistryEventName,
  meterIdSchema,
  meterRecordSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { getParsedState, putCanonicalState, toCanonicalJson } from '../common/state';
import { validateArgument } from '../common/validate-argument';

// Object types of the registry's composite keys; prefixed because all contracts share one chaincode namespace.
const METER_OBJECT_TYPE = 'registry-meter';
const NONCE_OBJECT_TYPE = 'registry-nonce';

export function parseMeterId(meterId: string): string {
  return validateArgument(meterIdSchema, meterId, 'meter id');
}

export async function findMeter(ctx: Context, meterId: string): Promise<MeterRecord | undefined> {
  return getParsedState(ctx, meterKey(ctx, meterId), meterRecordSchema);
}

/** The meter, or METER_UNKNOWN when nothing was ever attested for it. */
export async function requireMeter(ctx: Context, meterId: string): Promise<MeterRecord> {
  const meter = await findMeter(ctx, meterId);
  if (meter === undefined) {
    throw new ChaincodeError('METER_UNKNOWN', `meter ${meterId} is not registered`, { meterId });
  }
  return meter;
}

/** Validates and writes the meter; returns the JSON written. */
export async function putMeter(ctx: Context, meter: MeterRecord): Promise<string> {
  return putCanonicalState(ctx, meterKey(ctx, meter.meterId), meterRecordSchema.parse(meter));
}

/**
 * Fails with NONCE_REUSED when `mspId` already used `nonce`: the ledger's own replay guard for proof-of-possession
 * statements, independent of the registration service's single-use challenges.
 */
export async function requireFreshNonce(ctx: Context, mspId: string, nonce: string): Promise<void> {
  const used = await ctx.stub.getState(nonceKey(ctx, mspId, nonce));
  if (used.length > 0) {
    throw nonceReused(mspId, nonce);
  }
}

export function nonceReused(mspId: string, nonce: string): ChaincodeError {
  return new ChaincodeError('NONCE_REUSED', `nonce already used by ${mspId}`, { mspId, nonce });
}

/** Records that `mspId` used `nonce`, with the transaction that used it. */
export async function markNonceUsed(ctx: Context, mspId: string, nonce: string): Promise<void> {
  await putCanonicalState(ctx, nonceKey(ctx, mspId, nonce), { txId: ctx.stub.getTxID() });
}

/** Validates the payload against its contract schema, then sets it as the transaction's one chaincode event. */
export function emitRegistryEvent(ctx: Context, name: RegistryEventName, payload: unknown): void {
  const valid: unknown = REGISTRY_EVENT_SCHEMAS[name].parse(payload);
  ctx.stub.setEvent(name, Buffer.from(toCanonicalJson(valid), 'utf8'));
}

export function meterKey(ctx: Context, meterId: string): string {
  return ctx.stub.createCompositeKey(METER_OBJECT_TYPE, [meterId]);
}

export function nonceKey(ctx: Context, mspId: string, nonce: string): string {
  return ctx.stub.createCompositeKey(NONCE_OBJECT_TYPE, [mspId, nonce]);
}
