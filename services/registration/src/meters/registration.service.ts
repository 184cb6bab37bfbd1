import type { MeterRecord } from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import { attestationStatement, newNonce, parsePublicKey } from '@metrochain/pki';
import { CHALLENGE_TTL_SECONDS, type ChallengeStore } from './challenge.store';
import { RegistrationErrorCode, registrationError } from './registration-error';
import {
  challengeIdSchema,
  challengeResponseSchema,
  parseRequest,
  registrationRequestSchema,
} from './registration.schemas';

/** What the meter must sign, and until when the challenge can be answered. */
export interface IssuedChallenge {
  challengeId: string;
  statement: string;
  expiresAt: string;
}

/** The meter's record after this NMI's attestation, with the transaction that wrote it. */
export type AttestedMeter = MeterRecord & { transactionId: string; blockNumber: string };

export type RegistryPort = Pick<RegistryClient, 'attest' | 'getMeter'>;

export interface RegistrationServiceOptions {
  store: ChallengeStore;
  registry: RegistryPort;
  /** This organisation's MSP id: the attester named in every statement it issues. */
  attester: string;
  now?: () => Date;
}

/** Proof-of-possession registration: issue a single-use challenge, then attest the signed answer on the ledger. */
export class RegistrationService {
  readonly #store: ChallengeStore;
  readonly #registry: RegistryPort;
  readonly #attester: string;
  readonly #now: () => Date;

  constructor(options: Readonly<RegistrationServiceOptions>) {
    this.#store = options.store;
    this.#registry = options.registry;
    this.#attester = options.attester;
    this.#now = options.now ?? ((): Date => new Date());
  }

  /** Validates the meter's key (KEY_INVALID otherwise) and stores a fresh challenge for it. */
  async issueChallenge(body: unknown): Promise<IssuedChallenge> {
    const request = parseRequest(registrationRequestSchema, body);
    const key = parsePublicKey(request.publicKeyPem);
    const nonce = newNonce();
    const statement = attestationStatement({
      meterId: request.meterId,
      keyFingerprint: key.fingerprint,
      attester: this.#attester,
      nonce,
    });
    const expiresAt = new Date(this.#now().getTime() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
    await this.#store.put(nonce, {
      meterId: request.meterId,
      model: request.model,
      publicKeyPem: key.pem,
      keyFingerprint: key.fingerprint,
      attester: this.#attester,
    });
    return { challengeId: nonce, statement, expiresAt };
  }

  /** Consumes the challenge (CHALLENGE_UNKNOWN when missing, expired or used) and attests on the ledger. */
  async answerChallenge(challengeId: string, body: unknown): Promise<AttestedMeter> {
    const { signature } = parseRequest(challengeResponseSchema, body);
    const nonce = challengeIdSchema.safeParse(challengeId);
    const challenge = nonce.success ? await this.#store.take(nonce.data) : undefined;
    if (challenge === undefined || !nonce.success) {
      throw registrationError(
        RegistrationErrorCode.CHALLENGE_UNKNOWN,
        'the challenge is unknown, expired or already answered',
      );
    }
    const { transactionId, blockNumber, ...record } = await this.#registry.attest({
      meterId: challenge.meterId,
      model: challenge.model,
      publicKeyPem: challenge.publicKeyPem,
      nonce: nonce.data,
      signature,
    });
    // bigint does not serialise to JSON; a decimal string keeps every digit.
    return { ...record, transactionId, blockNumber: blockNumber.toString() };
  }

  /** The meter's ledger record; METER_UNKNOWN when it was never attested. */
  getMeter(meterId: string): Promise<MeterRecord> {
    return this.#registry.getMeter(meterId);
  }
}
