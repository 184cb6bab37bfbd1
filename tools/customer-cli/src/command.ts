import type { CommandResult as JsonCommandResult, Environment, JsonCommand } from '@metrochain/tool-kit';
import type { ExitCode } from './cli-error';
import type { FeFunctions } from './fe/fe-functions';

/** What a command may use besides the file system: the environment, the HTTP timeout and libs/fe. */
export interface CommandContext {
  readonly env: Environment;
  /** Per HTTP request; key issuance writes to the ledger behind the billing API and takes a few seconds. */
  readonly httpTimeoutMs: number;
  /** libs/fe, or fakes in specs. */
  readonly fe: FeFunctions;
}

/** A command's answer: printed as JSON on stdout; `exitCode` defaults to 0. */
export type CommandResult = JsonCommandResult<ExitCode>;

/** One subcommand of metrochain-customer. */
export type Command = JsonCommand<CommandContext, ExitCode>;
