import { ExitCode as ToolExitCode, FileErrorCode, codedError } from '@metrochain/tool-kit';

/**
 * Codes of the customer CLI's own beside the kit's (ToolErrorCode: USAGE, SERVICE_UNREACHABLE…; FileErrorCode, raised
 * by its file helpers, listed here too); refusals by the billing service keep the service's codes
 * (e.g. KEY_POLICY_VIOLATION), and libs/fe's keep theirs (FE_NO_RESULT).
 */
export const CliErrorCode = {
  ...FileErrorCode,
  /** The seed file does not hold the standard base64 of 32 bytes. */
  SEED_INVALID: 'SEED_INVALID',
  /** The tariff the service answered has a band without a price. */
  TARIFF_INVALID: 'TARIFF_INVALID',
} as const;
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/** Exit codes as metrochain-pki's: 0 done, 1 refused or failed, 2 usage error. */
export const ExitCode = { ...ToolExitCode, REFUSED: ToolExitCode.FAILED } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const cliError = codedError<CliErrorCode>;
