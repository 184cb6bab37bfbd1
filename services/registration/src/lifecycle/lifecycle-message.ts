import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import {
  type MeterActivatedEvent,
  type MeterAttestedEvent,
  type MeterLifecycleV1,
  type MeterRecord,
  RegistryEvents,
  meterActivatedEventSchema,
  meterAttestedEventSchema,
  meterKeyRotatedEventSchema,
  meterRevokedEventSchema,
  metersAttestedEventSchema,
} from '@metrochain/contracts';
import { type RegistryClient, parseEventPayload } from '@metrochain/ledger';

export type MeterReader = Pick<RegistryClient, 'getMeter'>;

type Position = Pick<MeterLifecycleV1, 'txId' | 'blockNumber'>;

/**
 * The `meter.lifecycle.v1` messages of a registry chaincode event, in the event's order: one for a single change,
 * one per recorded attestation of a batch (`registry.meters.attested`), none for events that are no meter lifecycle
 * change (`registry.batch.anchored`, other contracts' events). Revocation and rotation events carry no attester
 * list, so the meter is read: a revoked meter never changes again, and attestations are only ever added.
 */
export async function lifecycleMessagesOf(
  event: ChaincodeEvent,
  meters: MeterReader,
): Promise<MeterLifecycleV1[]> {
  const position: Position = { txId: event.transactionId, blockNumber: Number(event.blockNumber) };
  switch (event.eventName) {
    case RegistryEvents.meterAttested:
      return [attestedMessage(parseEventPayload(event, meterAttestedEventSchema), position)];
    case RegistryEvents.meterActivated:
      return [activatedMessage(parseEventPayload(event, meterActivatedEventSchema), position)];
    case RegistryEvents.metersAttested:
      return parseEventPayload(event, metersAttestedEventSchema).events.map((inner) =>
        inner.name === RegistryEvents.meterActivated
          ? activatedMessage(inner.payload, position)
          : attestedMessage(inner.payload, position),
      );
    case RegistryEvents.meterRevoked:
      return [await revokedMessage(event, meters, position)];
    case RegistryEvents.meterKeyRotated:
      return [await rotatedMessage(event, meters, position)];
    default:
      return [];
  }
}

function attestedMessage(attested: MeterAttestedEvent, position: Position): MeterLifecycleV1 {
  return {
    meterId: attested.meterId,
    type: 'attested',
    status: attested.status,
    publicKeyPem: attested.publicKeyPem,
    attestedBy: attested.attestedBy,
    occurredAt: attested.attestation.at,
    ...position,
  };
}

function activatedMessage(activated: MeterActivatedEvent, position: Position): MeterLifecycleV1 {
  return {
    meterId: activated.meterId,
    type: 'activated',
    status: activated.status,
    publicKeyPem: activated.publicKeyPem,
    attestedBy: activated.attestedBy,
    occurredAt: activated.activatedAt,
    ...position,
  };
}

async function revokedMessage(
  event: ChaincodeEvent,
  meters: MeterReader,
  position: Position,
): Promise<MeterLifecycleV1> {
  const revoked = parseEventPayload(event, meterRevokedEventSchema);
  const meter = await meters.getMeter(revoked.meterId);
  const key = meter.keyHistory.find((entry) => entry.keyFingerprint === revoked.keyFingerprint);
  return {
    meterId: revoked.meterId,
    type: 'revoked',
    status: revoked.status,
    publicKeyPem: key?.publicKeyPem ?? meter.publicKeyPem,
    attestedBy: attestersOf(meter),
    reason: revoked.revocation.reason,
    occurredAt: revoked.revocation.at,
    ...position,
  };
}

async function rotatedMessage(
  event: ChaincodeEvent,
  meters: MeterReader,
  position: Position,
): Promise<MeterLifecycleV1> {
  const rotated = parseEventPayload(event, meterKeyRotatedEventSchema);
  const meter = await meters.getMeter(rotated.meterId);
  return {
    meterId: rotated.meterId,
    type: 'key-rotated',
    status: rotated.status,
    publicKeyPem: rotated.publicKeyPem,
    attestedBy: attestersOf(meter),
    occurredAt: rotated.rotatedAt,
    ...position,
  };
}

// As the ledger's signature check reports them: every NMI that attested the meter (a rotation needs no new ones).
function attestersOf(meter: MeterRecord): string[] {
  return [...new Set(meter.attestations.map((attestation) => attestation.msp))];
}
