import { RegistrationClient } from '@metrochain/tool-kit';

/** The part of one NMI's registration API (libs/contracts registration-api) a meter needs to become active. */
export type RegistrationApi = Pick<RegistrationClient, 'issueChallenge' | 'answerChallenge' | 'getMeter'>;

/** The ledger writes behind an answer take a few seconds; a generous deadline avoids answering twice. */
const REGISTRATION_TIMEOUT_MS = 60_000;

export function newRegistrationClient(
  baseUrl: string,
  options: Readonly<{ timeoutMs?: number; bearerToken?: string }> = {},
): RegistrationApi {
  return new RegistrationClient({
    baseUrl,
    timeoutMs: options.timeoutMs ?? REGISTRATION_TIMEOUT_MS,
    bearerToken: options.bearerToken,
  });
}
