export type Environment = Readonly<Record<string, string | undefined>>;

/** Where a tool writes; tests pass their own (testing/captured-output). Properties, so they can be passed on. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process around a tool that calls the services; each tool adds its own (standard input, fakes). */
export interface ToolIo extends CliOutput {
  env: Environment;
  /** Per HTTP request; the tool's default unless given. */
  httpTimeoutMs?: number;
}

/** One subcommand of a tool; `Context` is what the tool hands every command (environment, I/O, signals). */
export interface CliCommand<Context> {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** The command's --help text. */
  readonly usage: string;
  /** Resolves to the exit code; a thrown DomainError is reported as "CODE: message". */
  run(argv: readonly string[], context: Context): Promise<number>;
}

export interface CliProgram<Context> {
  /** The executable's name, e.g. metrochain-pki. */
  readonly name: string;
  /** In the order the overview lists them. */
  readonly commands: readonly CliCommand<Context>[];
  /** The overview's last lines: output format and exit codes. */
  readonly footer: string;
}
