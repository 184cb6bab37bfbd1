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
import type { z } from 'zod';
import { apiUrl, requestJson } from './json-client';

/** The registration API of one NMI's instance (libs/contracts registration-api), answers checked against its schemas. */
export class RegistrationClient {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(options: Readonly<{ baseUrl: string; timeoutMs: number }>) {
    this.#baseUrl = options.baseUrl;
    this.#timeoutMs = options.timeoutMs;
  }

  issueChallenge(request: RegistrationRequest): Promise<IssuedChallenge> {
    return this.#post(
      apiUrl(this.#baseUrl, RegistrationApiPaths.registrations),
      request,
      issuedChallengeSchema,
    );
  }

  answerChallenge(challengeId: string, response: ChallengeResponse): Promise<CommittedMeterView> {
    const url = apiUrl(this.#baseUrl, RegistrationApiPaths.registrationResponse, { challengeId });
    return this.#post(url, response, committedMeterViewSchema);
  }

  getMeter(meterId: string): Promise<MeterView> {
    const url = apiUrl(this.#baseUrl, RegistrationApiPaths.meter, { meterId });
    return requestJson({ method: 'GET', url, schema: meterViewSchema, timeoutMs: this.#timeoutMs });
  }

  revoke(meterId: string, request: RevocationRequest): Promise<CommittedMeterView> {
    const url = apiUrl(this.#baseUrl, RegistrationApiPaths.revocation, { meterId });
    return this.#post(url, request, committedMeterViewSchema);
  }

  issueRotation(meterId: string, request: RotationRequest): Promise<IssuedRotation> {
    const url = apiUrl(this.#baseUrl, RegistrationApiPaths.rotations, { meterId });
    return this.#post(url, request, issuedRotationSchema);
  }

  answerRotation(rotationId: string, response: RotationResponse): Promise<CommittedMeterView> {
    const url = apiUrl(this.#baseUrl, RegistrationApiPaths.rotationResponse, { rotationId });
    return this.#post(url, response, committedMeterViewSchema);
  }

  #post<Schema extends z.ZodTypeAny>(url: string, body: unknown, schema: Schema): Promise<z.output<Schema>> {
    return requestJson({ method: 'POST', url, body, schema, timeoutMs: this.#timeoutMs });
  }
}
