import { ExitCode as ToolExitCode, FileErrorCode, codedError } from '@metrochain/tool-kit';

/**
 * Codes of the PKI CLI's own beside the kit's (ToolErrorCode: USAGE, SERVICE_UNREACHABLE…; FileErrorCode, raised by
 * its file helpers, listed here too); refusals by the services keep the services' codes (e.g. CHALLENGE_UNKNOWN).
 */
export const CliErrorCode = {
  ...FileErrorCode,
  /** The private and public key files given together are not one key pair. */
  KEY_PAIR_MISMATCH: 'KEY_PAIR_MISMATCH',
  /** The verification's batch has no anchor on the ledger yet. */
  NOT_ANCHORED: 'NOT_ANCHORED',
} as const;
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/** Exit codes: scripts branch on 3 ("the check said no") apart from 1 ("the operation could not be done"). */
export const ExitCode = { ...ToolExitCode, REFUSED: ToolExitCode.FAILED, INVALID: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const cliError = codedError<CliErrorCode>;
