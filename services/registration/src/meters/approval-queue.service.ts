import {
  type AttestationPolicy,
  type CommittedMeterView,
  type HeldRegistrationView,
  type RegistrationRejected,
  attestationPolicyRequestSchema,
  challengeIdSchema,
  principalNameSchema,
  registrationRejectionRequestSchema,
} from '@metrochain/contracts';
import type { AttestAndRead } from './attest-and-read';
import type { AttestationPolicyStore } from './attestation-policy';
import { type HeldRegistration, type HeldRegistrations, heldView } from './held-registrations';
import { parseRequest } from './parse-request';
import { RegistrationErrorCode, registrationError } from './registration-error';

/** An operator's side of registration at this NMI: the attestation policy per manufacturer and the held queue. */
export class ApprovalQueueService {
  readonly #held: HeldRegistrations;
  readonly #attester: AttestAndRead;
  readonly #policies: AttestationPolicyStore;

  constructor(
    options: Readonly<{ held: HeldRegistrations; attester: AttestAndRead; policies: AttestationPolicyStore }>,
  ) {
    this.#held = options.held;
    this.#attester = options.attester;
    this.#policies = options.policies;
  }

  async list(): Promise<HeldRegistrationView[]> {
    return (await this.#held.list()).map(heldView);
  }

  /** Attests a held registration; REGISTRATION_NOT_HELD (404) when unknown or decided already. */
  async approve(registrationId: string): Promise<CommittedMeterView> {
    const entry = await this.#take(registrationId);
    try {
      return await this.#attester.attest(entry, entry.registrationId, entry.signature);
    } catch (error) {
      // Nothing reached the ledger or the ledger refused it: a retriable failure puts it back for another try.
      if ((error as { retriable?: unknown }).retriable === true) {
        await this.#held.hold(entry);
      }
      throw error;
    }
  }

  async reject(registrationId: string, body: unknown, operator: string): Promise<RegistrationRejected> {
    const { reason } = parseRequest(registrationRejectionRequestSchema, body);
    const entry = await this.#take(registrationId);
    return { registrationId, status: 'rejected', meterId: entry.meterId, reason, rejectedBy: operator };
  }

  policy(manufacturer: string): Promise<AttestationPolicy> {
    return this.#policies.view(parseRequest(principalNameSchema, manufacturer));
  }

  setPolicy(manufacturer: string, body: unknown): Promise<AttestationPolicy> {
    const { mode } = parseRequest(attestationPolicyRequestSchema, body);
    return this.#policies.set(parseRequest(principalNameSchema, manufacturer), mode);
  }

  async #take(registrationId: string): Promise<HeldRegistration> {
    const id = challengeIdSchema.safeParse(registrationId);
    const entry = id.success ? await this.#held.get(id.data) : undefined;
    if (entry === undefined || !(await this.#held.release(entry.registrationId))) {
      throw registrationError(
        RegistrationErrorCode.REGISTRATION_NOT_HELD,
        'no registration with this id is waiting for a decision',
      );
    }
    return entry;
  }
}
