import { DomainError } from '@metrochain/errors';

/**
 * Codes every tool raises the same way; refusals by the services keep the services' codes (e.g. CHALLENGE_UNKNOWN),
 * and each tool adds codes of its own beside these.
 */
export const ToolErrorCode = {
  /** Bad command line: unknown command or option, missing or malformed value. Exit code 2. */
  USAGE: 'USAGE',
  /** The network file (.devnet/network.json) does not parse or its `services` section is malformed. */
  NETWORK_FILE_INVALID: 'NETWORK_FILE_INVALID',
  /** No URL for a service the tool needs (e.g. the instance of the NMI asked for). */
  ENDPOINT_UNKNOWN: 'ENDPOINT_UNKNOWN',
  /** No credential for the principal the tool acts as (no --token and none in the network file). */
  PRINCIPAL_UNKNOWN: 'PRINCIPAL_UNKNOWN',
  SERVICE_UNREACHABLE: 'SERVICE_UNREACHABLE',
  SERVICE_TIMEOUT: 'SERVICE_TIMEOUT',
  /** The service has no such route (an older version), answered 404 without a coded body. */
  ENDPOINT_NOT_FOUND: 'ENDPOINT_NOT_FOUND',
  /** The service failed without a coded body. */
  SERVICE_ERROR: 'SERVICE_ERROR',
  /** A success answer that is not what the API promises. */
  RESPONSE_INVALID: 'RESPONSE_INVALID',
} as const;
export type ToolErrorCode = (typeof ToolErrorCode)[keyof typeof ToolErrorCode];

/** 0 done, 1 refused or failed ("CODE: message" on stderr), 2 usage error; a tool may add codes above these. */
export const ExitCode = { OK: 0, FAILED: 1, USAGE: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ToolErrorOptions = Readonly<{
  details?: Record<string, unknown>;
  retriable?: boolean;
  cause?: unknown;
}>;

/** A DomainError with one of a tool's codes; each tool narrows `Code` to its own table. */
export function codedError<Code extends string>(
  code: Code,
  message: string,
  options: ToolErrorOptions = {},
): DomainError<Code> {
  return new DomainError({ code, message, ...options });
}

export function toolError(
  code: ToolErrorCode,
  message: string,
  options: ToolErrorOptions = {},
): DomainError<ToolErrorCode> {
  return codedError(code, message, options);
}

export function usageError(message: string): DomainError<ToolErrorCode> {
  return toolError(ToolErrorCode.USAGE, message);
}
