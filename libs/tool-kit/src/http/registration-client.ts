import {
  RegistrationApiPaths,
  committedMeterViewSchema,
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
import { JsonClient, type CallOptions, type JsonClientOptions } from './json-client';

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
  ): Promise<CommittedMeterView> {
    const path = RegistrationApiPaths.registrationResponse;
    return this.#http.post(path, response, committedMeterViewSchema, { ...call, params: { challengeId } });
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
