import {
  type CommittedMeterView,
  type IssuedRotation,
  type MeterRecord,
  challengeIdSchema,
  meterIdSchema,
  rotationRequestSchema,
  rotationResponseSchema,
} from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import { type MeterPublicKey, newNonce, parsePublicKey, rotationStatement } from '@metrochain/pki';
import { CHALLENGE_TTL_SECONDS, type RotationStore } from './challenge.store';
import { committedView } from './committed-view';
import { parseRequest } from './parse-request';
import { RegistrationErrorCode, registrationError } from './registration-error';

export type RotationRegistryPort = Pick<RegistryClient, 'getMeter' | 'rotateKey'>;

export interface RotationServiceOptions {
  store: RotationStore;
  registry: RotationRegistryPort;
  now?: () => Date;
}

/** Key rotation in two steps: a single-use rotation statement, then both keys' signatures go to the ledger. */
export class RotationService {
  readonly #store: RotationStore;
  readonly #registry: RotationRegistryPort;
  readonly #now: () => Date;

  constructor(options: Readonly<RotationServiceOptions>) {
    this.#store = options.store;
    this.#registry = options.registry;
    this.#now = options.now ?? ((): Date => new Date());
  }

  /**
   * Checks the new key (KEY_INVALID) and that the meter is active (METER_UNKNOWN, METER_REVOKED, METER_NOT_ACTIVE)
   * and never held the key (KEY_REUSED), then stores a challenge binding the meter's current key and the new one.
   */
  async issueRotation(meterId: string, body: unknown): Promise<IssuedRotation> {
    const id = parseRequest(meterIdSchema, meterId);
    const request = parseRequest(rotationRequestSchema, body);
    const newKey = parsePublicKey(request.newPublicKeyPem);
    const meter = await this.#registry.getMeter(id);
    requireRotatable(meter, newKey);
    const nonce = newNonce();
    const fingerprints = { oldKeyFingerprint: meter.keyFingerprint, newKeyFingerprint: newKey.fingerprint };
    const statement = rotationStatement({ meterId: id, ...fingerprints, nonce });
    await this.#store.put(nonce, { meterId: id, newPublicKeyPem: newKey.pem, ...fingerprints });
    const expiresAt = new Date(this.#now().getTime() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
    return { rotationId: nonce, meterId: id, statement, ...fingerprints, expiresAt };
  }

  /**
   * Consumes the challenge (CHALLENGE_UNKNOWN when missing, expired or used) and rotates on the ledger, which
   * re-verifies both signatures (SIGNATURE_INVALID and nothing written when either fails).
   */
  async answerRotation(rotationId: string, body: unknown): Promise<CommittedMeterView> {
    const signatures = parseRequest(rotationResponseSchema, body);
    const nonce = challengeIdSchema.safeParse(rotationId);
    const pending = nonce.success ? await this.#store.take(nonce.data) : undefined;
    if (pending === undefined || !nonce.success) {
      throw registrationError(
        RegistrationErrorCode.CHALLENGE_UNKNOWN,
        'the rotation is unknown, expired or already answered',
      );
    }
    const rotated = await this.#registry.rotateKey({
      meterId: pending.meterId,
      newPublicKeyPem: pending.newPublicKeyPem,
      nonce: nonce.data,
      oldKeySignature: signatures.oldKeySignature,
      newKeySignature: signatures.newKeySignature,
    });
    return committedView(rotated);
  }
}

function requireRotatable(meter: MeterRecord, newKey: MeterPublicKey): void {
  const meterId = meter.meterId;
  if (meter.status === 'revoked') {
    throw registrationError(RegistrationErrorCode.METER_REVOKED, `meter ${meterId} is revoked`, { meterId });
  }
  if (meter.status !== 'active') {
    throw registrationError(
      RegistrationErrorCode.METER_NOT_ACTIVE,
      `meter ${meterId} is ${meter.status}, not active`,
      { meterId, status: meter.status },
    );
  }
  // The ledger refuses a key the meter already held; saying so now spares the meter a useless signature.
  if (meter.keyHistory.some((key) => key.keyFingerprint === newKey.fingerprint)) {
    throw registrationError(
      RegistrationErrorCode.KEY_REUSED,
      `meter ${meterId} already used key ${newKey.fingerprint}`,
      { meterId, keyFingerprint: newKey.fingerprint },
    );
  }
}
