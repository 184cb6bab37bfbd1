import type { CommandResult as JsonCommandResult, Environment, JsonCommand } from '@metrochain/tool-kit';
import type { ExitCode } from './cli-error';

/** What a command may use besides the file system: the environment and standard input. */
export interface CommandContext {
  readonly env: Environment;
  readStdin(): Promise<string>;
  /** Per HTTP request; the ledger writes behind the registration API take a few seconds. */
  readonly httpTimeoutMs: number;
}

/** A command's answer: printed as JSON on stdout; `exitCode` defaults to 0. */
export type CommandResult = JsonCommandResult<ExitCode>;

/** One subcommand of metrochain-pki. */
export type Command = JsonCommand<CommandContext, ExitCode>;
