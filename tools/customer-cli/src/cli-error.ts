import type { DomainError } from '@metrochain/errors';
import { ExitCode as ToolExitCode, codedError, type ToolErrorOptions } from '@metrochain/tool-kit';

/**
 * Codes of the customer CLI's own beside the kit's (ToolErrorCode: USAGE, SERVICE_UNREACHABLE…); refusals by the
 * billing service keep the service's codes (e.g. KEY_POLICY_VIOLATION), and libs/fe's keep theirs (FE_NO_RESULT).
 */
export const CliErrorCode = {
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  FILE_EXISTS: 'FILE_EXISTS',
  /** The seed file does not hold the standard base64 of 32 bytes. */
  SEED_INVALID: 'SEED_INVALID',
  /** The tariff the service answered has a band without a price. */
  TARIFF_INVALID: 'TARIFF_INVALID',
} as const;
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/** Exit codes as metrochain-pki's: 0 done, 1 refused or failed, 2 usage error. */
export const ExitCode = { ...ToolExitCode, REFUSED: ToolExitCode.FAILED } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const cliError: (
  code: CliErrorCode,
  message: string,
  options?: ToolErrorOptions,
) => DomainError<CliErrorCode> = codedError;
