import type { CliCommand, CliOutput, Environment } from '@metrochain/tool-kit';

/** The process around a command; tests pass their own. */
export interface CliIo extends CliOutput {
  env: Environment;
  /** Whether stdout is a terminal: the live view redraws in place only there. */
  isTTY: boolean;
  /** Aborted on SIGINT/SIGTERM: the command stops gracefully. */
  interrupt: AbortSignal;
}

/** One subcommand of metrochain-fleet. */
export type Command = CliCommand<CliIo>;
