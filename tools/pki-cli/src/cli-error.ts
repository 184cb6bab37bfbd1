import { DomainError } from '@metrochain/errors';

/** Codes the CLI raises itself; refusals by the services keep the services' codes (e.g. CHALLENGE_UNKNOWN). */
export const CliErrorCode = {
  /** Bad command line: unknown command or option, missing or malformed value. Exit code 2. */
  USAGE: 'USAGE',
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  FILE_EXISTS: 'FILE_EXISTS',
  /** The private and public key files given together are not one key pair. */
  KEY_PAIR_MISMATCH: 'KEY_PAIR_MISMATCH',
  /** The network file (.devnet/network.json) does not parse or its `services` section is malformed. */
  NETWORK_FILE_INVALID: 'NETWORK_FILE_INVALID',
  /** No URL for the service of the organisation asked for (--org) in the network file. */
  ENDPOINT_UNKNOWN: 'ENDPOINT_UNKNOWN',
  SERVICE_UNREACHABLE: 'SERVICE_UNREACHABLE',
  SERVICE_TIMEOUT: 'SERVICE_TIMEOUT',
  /** The service has no such route (an older version), answered 404 without a coded body. */
  ENDPOINT_NOT_FOUND: 'ENDPOINT_NOT_FOUND',
  /** The service failed without a coded body. */
  SERVICE_ERROR: 'SERVICE_ERROR',
  /** A success answer that is not what the API promises. */
  RESPONSE_INVALID: 'RESPONSE_INVALID',
  /** The verification's batch has no anchor on the ledger yet. */
  NOT_ANCHORED: 'NOT_ANCHORED',
} as const;
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/** Exit codes: scripts branch on 3 ("the check said no") apart from 1 ("the operation could not be done"). */
export const ExitCode = { OK: 0, REFUSED: 1, USAGE: 2, INVALID: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function cliError(
  code: CliErrorCode,
  message: string,
  options: Readonly<{ details?: Record<string, unknown>; retriable?: boolean; cause?: unknown }> = {},
): DomainError<CliErrorCode> {
  return new DomainError({ code, message, ...options });
}

export function usageError(message: string): DomainError<CliErrorCode> {
  return cliError(CliErrorCode.USAGE, message);
}
