import type { ExitCode } from '../fleet-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The process around a command; tests pass their own. */
export interface CliIo {
  env: Environment;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal: the live view redraws in place only there. */
  isTTY: boolean;
  /** Aborted on SIGINT/SIGTERM: the command stops gracefully. */
  interrupt: AbortSignal;
}

/** One subcommand of metrochain-fleet. */
export interface Command {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** The command's --help text. */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<ExitCode>;
}
