import pLimit, { type LimitFunction } from 'p-limit';
import {
  type CommittedMeterView,
  type IssuedChallenge,
  type MeterRecord,
  challengeIdSchema,
  challengeResponseSchema,
  registrationRequestSchema,
} from '@metrochain/contracts';
import type { RegistryClient } from '@metrochain/ledger';
import { attestationStatement, newNonce, parsePublicKey } from '@metrochain/pki';
import type { AttestationBatcher } from './attestation-batcher';
import { CHALLENGE_TTL_SECONDS, type ChallengeStore } from './challenge.store';
import { committedView } from './committed-view';
import { parseRequest } from './parse-request';
import { RegistrationErrorCode, registrationError } from './registration-error';

export type RegistryPort = Pick<RegistryClient, 'getMeter'>;
export type AttestationPort = Pick<AttestationBatcher, 'attest'>;

export interface RegistrationServiceOptions {
  store: ChallengeStore;
  registry: RegistryPort;
  /** Attests answers on the ledger, many in one transaction (AttestationBatcher). */
  attestations: AttestationPort;
  /** This organisation's MSP id: the attester named in every statement it issues. */
  attester: string;
  /** Record reads after attestations at once; a burst of answers must not exhaust the peer's gateway (500). */
  maxConcurrentReads?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_CONCURRENT_READS = 32;

/** Proof-of-possession registration: issue a single-use challenge, then attest the signed answer on the ledger. */
export class RegistrationService {
  readonly #store: ChallengeStore;
  readonly #registry: RegistryPort;
  readonly #attestations: AttestationPort;
  readonly #attester: string;
  readonly #reads: LimitFunction;
  readonly #now: () => Date;

  constructor(options: Readonly<RegistrationServiceOptions>) {
    this.#store = options.store;
    this.#registry = options.registry;
    this.#attestations = options.attestations;
    this.#attester = options.attester;
    this.#reads = pLimit(options.maxConcurrentReads ?? DEFAULT_MAX_CONCURRENT_READS);
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
    return { challengeId: nonce, registrationId: nonce, statement, expiresAt };
  }

  /**
   * Consumes the challenge (CHALLENGE_UNKNOWN when missing, expired or used), attests on the ledger and returns the
   * meter's record as read after that transaction committed.
   */
  async answerChallenge(challengeId: string, body: unknown): Promise<CommittedMeterView> {
    const { signature } = parseRequest(challengeResponseSchema, body);
    const nonce = challengeIdSchema.safeParse(challengeId);
    const challenge = nonce.success ? await this.#store.take(nonce.data) : undefined;
    if (challenge === undefined || !nonce.success) {
      throw registrationError(
        RegistrationErrorCode.CHALLENGE_UNKNOWN,
        'the challenge is unknown, expired or already answered',
      );
    }
    const attested = await this.#attestations.attest({
      meterId: challenge.meterId,
      model: challenge.model,
      publicKeyPem: challenge.publicKeyPem,
      nonce: nonce.data,
      signature,
    });
    // A batch reports each meter's status only; the gateway's peer committed the block, so it reads the record.
    const meter = await this.#reads(() => this.#registry.getMeter(attested.meterId));
    return committedView({
      ...meter,
      transactionId: attested.transactionId,
      blockNumber: attested.blockNumber,
    });
  }

  /** The meter's ledger record; METER_UNKNOWN when it was never attested. */
  getMeter(meterId: string): Promise<MeterRecord> {
    return this.#registry.getMeter(meterId);
  }
}
