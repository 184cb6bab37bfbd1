import {
  RegistrationApiPaths,
  committedMeterViewSchema,
  issuedChallengeSchema,
  meterViewSchema,
  type ChallengeResponse,
  type CommittedMeterView,
  type IssuedChallenge,
  type MeterView,
  type RegistrationRequest,
} from '@metrochain/contracts';
import { apiUrl, requestJson } from '../http/json-client';

/** The part of one NMI's registration API (libs/contracts registration-api) a meter needs to become active. */
export interface RegistrationApi {
  issueChallenge(request: RegistrationRequest): Promise<IssuedChallenge>;
  answerChallenge(challengeId: string, response: ChallengeResponse): Promise<CommittedMeterView>;
  getMeter(meterId: string): Promise<MeterView>;
}

/** The ledger writes behind an answer take a few seconds; a generous deadline avoids answering twice. */
const REGISTRATION_TIMEOUT_MS = 60_000;

export function newRegistrationClient(baseUrl: string, timeoutMs = REGISTRATION_TIMEOUT_MS): RegistrationApi {
  return {
    issueChallenge: (request) =>
      requestJson({
        method: 'POST',
        url: apiUrl(baseUrl, RegistrationApiPaths.registrations),
        body: request,
        schema: issuedChallengeSchema,
        timeoutMs,
      }),
    answerChallenge: (challengeId, response) =>
      requestJson({
        method: 'POST',
        url: apiUrl(baseUrl, RegistrationApiPaths.registrationResponse, { challengeId }),
        body: response,
        schema: committedMeterViewSchema,
        timeoutMs,
      }),
    getMeter: (meterId) =>
      requestJson({
        method: 'GET',
        url: apiUrl(baseUrl, RegistrationApiPaths.meter, { meterId }),
        schema: meterViewSchema,
        timeoutMs,
      }),
  };
}
