import type { Environment } from '@metrochain/tool-kit';
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
export interface CommandResult {
  readonly output: unknown;
  readonly exitCode?: ExitCode;
}

/** One subcommand of metrochain-customer. */
export interface Command {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** The command's --help text. */
  readonly usage: string;
  run(argv: readonly string[], context: CommandContext): Promise<CommandResult>;
}
