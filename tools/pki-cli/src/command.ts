import type { Environment } from '@metrochain/tool-kit';
import type { ExitCode } from './cli-error';

/** What a command may use besides the file system: the environment and standard input. */
export interface CommandContext {
  readonly env: Environment;
  readStdin(): Promise<string>;
  /** Per HTTP request; the ledger writes behind the registration API take a few seconds. */
  readonly httpTimeoutMs: number;
}

/** A command's answer: printed as JSON on stdout; `exitCode` defaults to 0. */
export interface CommandResult {
  readonly output: unknown;
  readonly exitCode?: ExitCode;
}

/** One subcommand of metrochain-pki. */
export interface Command {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** The command's --help text. */
  readonly usage: string;
  run(argv: readonly string[], context: CommandContext): Promise<CommandResult>;
}
