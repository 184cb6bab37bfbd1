import {
  RegistrationApiPaths,
  type AttestationMode,
  type AttestationPolicy,
  type HeldRegistrationView,
  type MeterModelApproval,
  type ModelApprovalInput,
  type RegistrationRejected,
  attestationPolicySchema,
  committedMeterViewSchema,
  committedModelApprovalSchema,
  heldRegistrationViewSchema,
  meterModelApprovalSchema,
  registrationRejectedSchema,
  issuedChallengeSchema,
  issuedRotationSchema,
  meterViewSchema,
  type ChallengeResponse,
  type CommittedMeterView,
  type IssuedChallenge,
  type IssuedRotation,
  type MeterView,
  type RegistrationRequest,
  type RevocationRequest,
  type RotationRequest,
  type RotationResponse,
} from '@metrochain/contracts';
import { z } from 'zod';
import { JsonClient, type CallOptions, type JsonClientOptions } from './json-client';

/** 200 with the committed record (automatic policy) or 202 held for an operator (operator-approval). */
const challengeAnswerSchema = z.union([committedMeterViewSchema, heldRegistrationViewSchema]);

type Call = Readonly<Omit<CallOptions, 'params'>>;

/** The registration API of one NMI's instance (libs/contracts registration-api), answers checked against its schemas. */
export class RegistrationClient {
  readonly #http: JsonClient;

  constructor(options: Readonly<JsonClientOptions>) {
    this.#http = new JsonClient(options);
  }

  issueChallenge(request: RegistrationRequest, call: Call = {}): Promise<IssuedChallenge> {
    return this.#http.post(RegistrationApiPaths.registrations, request, issuedChallengeSchema, call);
  }

  answerChallenge(
    challengeId: string,
    response: ChallengeResponse,
    call: Call = {},
  ): Promise<CommittedMeterView | HeldRegistrationView> {
    const path = RegistrationApiPaths.registrationResponse;
    return this.#http.post(path, response, challengeAnswerSchema, { ...call, params: { challengeId } });
  }

  /** An operator approves a meter model for a manufacturer (once for the whole network: it is on the ledger). */
  approveModel(input: ModelApprovalInput, call: Call = {}): Promise<MeterModelApproval> {
    return this.#http.post(RegistrationApiPaths.models, input, committedModelApprovalSchema, call);
  }

  getModel(model: string, call: Call = {}): Promise<MeterModelApproval> {
    return this.#http.get(RegistrationApiPaths.model, meterModelApprovalSchema, {
      ...call,
      params: { model },
    });
  }

  heldRegistrations(call: Call = {}): Promise<HeldRegistrationView[]> {
    return this.#http.get(RegistrationApiPaths.heldRegistrations, heldRegistrationViewSchema.array(), call);
  }

  approveRegistration(registrationId: string, call: Call = {}): Promise<CommittedMeterView> {
    const path = RegistrationApiPaths.registrationApproval;
    return this.#http.post(path, {}, committedMeterViewSchema, { ...call, params: { registrationId } });
  }

  rejectRegistration(registrationId: string, reason: string, call: Call = {}): Promise<RegistrationRejected> {
    const path = RegistrationApiPaths.registrationRejection;
    return this.#http.post(path, { reason }, registrationRejectedSchema, {
      ...call,
      params: { registrationId },
    });
  }

  setAttestationPolicy(
    manufacturer: string,
    mode: AttestationMode,
    call: Call = {},
  ): Promise<AttestationPolicy> {
    const path = RegistrationApiPaths.attestationPolicy;
    return this.#http.put(path, { mode }, attestationPolicySchema, { ...call, params: { manufacturer } });
  }

  getMeter(meterId: string, call: Call = {}): Promise<MeterView> {
    return this.#http.get(RegistrationApiPaths.meter, meterViewSchema, { ...call, params: { meterId } });
  }

  revoke(meterId: string, request: RevocationRequest, call: Call = {}): Promise<CommittedMeterView> {
    const path = RegistrationApiPaths.revocation;
    return this.#http.post(path, request, committedMeterViewSchema, { ...call, params: { meterId } });
  }

  issueRotation(meterId: string, request: RotationRequest, call: Call = {}): Promise<IssuedRotation> {
    const path = RegistrationApiPaths.rotations;
    return this.#http.post(path, request, issuedRotationSchema, { ...call, params: { meterId } });
  }

  answerRotation(
    rotationId: string,
    response: RotationResponse,
    call: Call = {},
  ): Promise<CommittedMeterView> {
    const path = RegistrationApiPaths.rotationResponse;
    return this.#http.post(path, response, committedMeterViewSchema, { ...call, params: { rotationId } });
  }
}
