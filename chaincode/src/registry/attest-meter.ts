import {
  type AttestRequest,
  type Attestation,
  type MeterRecord,
  type RegistryConfig,
  type RegistryEventName,
  RegistryEvents,
  type Role,
  attestRequestSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument } from '../common/validate-argument';
import { AttestationLedger } from './attestation-ledger';
import { type MeterPublicKey, attestationStatementOf, cachedMeterKey, requireSignature } from './meter-keys';
import { requireApprovedModel } from './registry-config';
import { emitRegistryEvent, nonceReused } from './registry-state';

/** Where an attestation's event goes: the transaction's event, or a batch that emits one event for all. */
export type RegistryEventSink = (ctx: Context, name: RegistryEventName, payload: unknown) => void;

/** NMIs' registration services attest, revoke and rotate meter keys. */
export const METER_REGISTRAR_ROLE: Role = 'registrar';

export function parseAttestRequest(requestJson: string): AttestRequest {
  return parseJsonArgument(attestRequestSchema, requestJson, 'attestation request');
}

/**
 * Records `attester`'s attestation that the meter holds the key's private key; returns the meter as canonical JSON.
 * The first attestation fixes key and model; the meter becomes active once the configured number of distinct NMIs
 * attested that key. Emits `registry.meter.activated` for the attestation that activates, `attested` otherwise.
 */
export async function attestMeter(ctx: Context, request: AttestRequest, attester: string): Promise<string> {
  const ledger = await AttestationLedger.load(ctx, attester, [request]);
  const meter = recordAttestation(ctx, ledger, request, attester, emitRegistryEvent);
  await ledger.flush();
  return toCanonicalJson(meter);
}

/**
 * The checks and the new meter of one attestation against a loaded ledger, kept there for its `flush`; returns the
 * attested meter. Throws a coded ChaincodeError, keeping nothing, when a check fails.
 */
export function recordAttestation(
  ctx: Context,
  ledger: AttestationLedger,
  request: AttestRequest,
  attester: string,
  emit: RegistryEventSink,
): MeterRecord {
  const key = cachedMeterKey(request.publicKeyPem);
  const config = ledger.config;
  const existing = ledger.meter(request.meterId);
  requireAttestable(existing, request, key, attester);
  requireApprovedModel(config, request.model);
  if (ledger.nonceUsed(request.nonce)) {
    throw nonceReused(attester, request.nonce);
  }
  const statement = attestationStatementOf({
    meterId: request.meterId,
    keyFingerprint: key.fingerprint,
    attester,
    nonce: request.nonce,
  });
  requireSignature(key, statement, request.signature, 'proof-of-possession');
  const attestation: Attestation = {
    msp: attester,
    keyFingerprint: key.fingerprint,
    at: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const meter = withAttestation(existing ?? newMeter(request, key, attestation.at), attestation, config);
  ledger.write(meter, request.nonce);
  const activated = meter.status === 'active' && existing?.status !== 'active';
  emitAttestationEvent(ctx, meter, attestation, config, activated, emit);
  return meter;
}

function requireAttestable(
  existing: MeterRecord | undefined,
  request: AttestRequest,
  key: MeterPublicKey,
  attester: string,
): void {
  if (existing === undefined) {
    return;
  }
  const meterId = existing.meterId;
  if (existing.status === 'revoked') {
    throw new ChaincodeError('METER_REVOKED', `meter ${meterId} is revoked`, { meterId });
  }
  if (existing.attestations.some((attestation) => attestation.msp === attester)) {
    throw new ChaincodeError('ALREADY_ATTESTED', `${attester} already attested meter ${meterId}`, {
      meterId,
      mspId: attester,
    });
  }
  if (existing.keyFingerprint !== key.fingerprint) {
    throw new ChaincodeError('KEY_MISMATCH', `meter ${meterId} is registered with another key`, {
      meterId,
      keyFingerprint: existing.keyFingerprint,
    });
  }
  if (existing.model !== request.model) {
    throw new ChaincodeError(
      'MODEL_MISMATCH',
      `meter ${meterId} is registered as model '${existing.model}'`,
      {
        meterId,
        model: existing.model,
      },
    );
  }
}

function newMeter(request: AttestRequest, key: MeterPublicKey, at: string): MeterRecord {
  return {
    meterId: request.meterId,
    model: request.model,
    status: 'pending',
    publicKeyPem: key.pem,
    keyFingerprint: key.fingerprint,
    keyHistory: [{ keyFingerprint: key.fingerprint, publicKeyPem: key.pem, validFrom: at }],
    attestations: [],
  };
}

function withAttestation(meter: MeterRecord, attestation: Attestation, config: RegistryConfig): MeterRecord {
  const attestations = [...meter.attestations, attestation];
  const activates =
    meter.status === 'pending' &&
    attestersOfCurrentKey({ ...meter, attestations }).length >= config.requiredAttestations;
  return activates
    ? { ...meter, attestations, status: 'active', activatedAt: attestation.at }
    : { ...meter, attestations };
}

/** The distinct NMIs that attested the meter's current key (one attestation per NMI is ever recorded). */
export function attestersOfCurrentKey(meter: MeterRecord): string[] {
  return meter.attestations
    .filter((attestation) => attestation.keyFingerprint === meter.keyFingerprint)
    .map((attestation) => attestation.msp);
}

function emitAttestationEvent(
  ctx: Context,
  meter: MeterRecord,
  attestation: Attestation,
  config: RegistryConfig,
  activated: boolean,
  emit: RegistryEventSink,
): void {
  const payload = {
    meterId: meter.meterId,
    model: meter.model,
    status: meter.status,
    keyFingerprint: meter.keyFingerprint,
    publicKeyPem: meter.publicKeyPem,
    attestation,
    attestedBy: attestersOfCurrentKey(meter),
    requiredAttestations: config.requiredAttestations,
  };
  if (activated) {
    emit(ctx, RegistryEvents.meterActivated, { ...payload, activatedAt: meter.activatedAt });
  } else {
    emit(ctx, RegistryEvents.meterAttested, payload);
  }
}
