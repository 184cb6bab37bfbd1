import {
  type CommittedMeterView,
  type HeldRegistrationView,
  type IssuedChallenge,
  type MeterRecord,
  challengeIdSchema,
  challengeResponseSchema,
  meterIdSchema,
  registrationRequestSchema,
} from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import { attestationStatement, newNonce, parsePublicKey, verifySignature } from '@metrochain/pki';
import type { AttestAndRead } from './attest-and-read';
import type { AttestationPolicyStore } from './attestation-policy';
import { CHALLENGE_TTL_SECONDS, type ChallengeStore, type PendingChallenge } from './challenge.store';
import { type HeldRegistrations, heldView } from './held-registrations';
import type { ModelApprovals } from './model-approvals';
import { parseRequest } from './parse-request';
import { RegistrationErrorCode, registrationError } from './registration-error';

export interface RegistrationServiceOptions {
  store: ChallengeStore;
  registry: Pick<RegistryClient, 'getMeter'>;
  attester: AttestAndRead;
  models: Pick<ModelApprovals, 'requireApproved'>;
  policies: Pick<AttestationPolicyStore, 'modeFor'>;
  held: Pick<HeldRegistrations, 'hold'>;
  /** This organisation's MSP id: the attester named in every statement it issues. */
  nmi: string;
  now?: () => Date;
}

/**
 * Proof-of-possession registration by a manufacturer: a single-use challenge for a meter of one of its approved
 * models, then the signed answer, attested at once or held for an operator as this NMI's policy says.
 */
export class RegistrationService {
  readonly #options: Readonly<RegistrationServiceOptions>;
  readonly #now: () => Date;

  constructor(options: Readonly<RegistrationServiceOptions>) {
    this.#options = options;
    this.#now = options.now ?? ((): Date => new Date());
  }

  /** Checks the model (MODEL_NOT_APPROVED, MODEL_NOT_YOURS) and the key (KEY_INVALID), then stores a challenge. */
  async issueChallenge(body: unknown, manufacturer: string): Promise<IssuedChallenge> {
    const request = parseRequest(registrationRequestSchema, body);
    const key = parsePublicKey(request.publicKeyPem);
    await this.#options.models.requireApproved(request.model, manufacturer);
    const nonce = newNonce();
    const statement = attestationStatement({
      meterId: request.meterId,
      keyFingerprint: key.fingerprint,
      attester: this.#options.nmi,
      nonce,
    });
    const expiresAt = new Date(this.#now().getTime() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
    await this.#options.store.put(nonce, {
      meterId: request.meterId,
      model: request.model,
      publicKeyPem: key.pem,
      keyFingerprint: key.fingerprint,
      attester: this.#options.nmi,
      manufacturer,
    });
    return { challengeId: nonce, registrationId: nonce, statement, expiresAt };
  }

  /**
   * Consumes the challenge (CHALLENGE_UNKNOWN when missing, expired, used or another manufacturer's), then attests
   * on the ledger and returns the committed record, or, under `operator-approval`, checks the signature here
   * (SIGNATURE_INVALID) and holds the registration for an operator.
   */
  async answerChallenge(
    challengeId: string,
    body: unknown,
    manufacturer: string,
  ): Promise<CommittedMeterView | HeldRegistrationView> {
    const { signature } = parseRequest(challengeResponseSchema, body);
    const nonce = challengeIdSchema.safeParse(challengeId);
    const challenge = nonce.success ? await this.#options.store.take(nonce.data) : undefined;
    if (challenge?.manufacturer !== manufacturer || !nonce.success) {
      throw registrationError(
        RegistrationErrorCode.CHALLENGE_UNKNOWN,
        'the challenge is unknown, expired or already answered',
      );
    }
    if ((await this.#options.policies.modeFor(manufacturer)) === 'operator-approval') {
      return this.#hold(challenge, nonce.data, signature);
    }
    return this.#options.attester.attest(challenge, nonce.data, signature);
  }

  /** The meter's ledger record; REQUEST_INVALID for a malformed id, METER_UNKNOWN when it was never attested. */
  getMeter(meterId: string): Promise<MeterRecord> {
    return this.#options.registry.getMeter(parseRequest(meterIdSchema, meterId));
  }

  async #hold(challenge: PendingChallenge, nonce: string, signature: string): Promise<HeldRegistrationView> {
    const statement = attestationStatement({
      meterId: challenge.meterId,
      keyFingerprint: challenge.keyFingerprint,
      attester: challenge.attester,
      nonce,
    });
    if (!verifySignature(challenge.publicKeyPem, statement, signature)) {
      throw registrationError(
        RegistrationErrorCode.SIGNATURE_INVALID,
        'the signature does not verify with the meter key over the statement',
      );
    }
    const entry = { ...challenge, registrationId: nonce, signature, heldAt: this.#now().toISOString() };
    await this.#options.held.hold(entry);
    return heldView(entry);
  }
}
