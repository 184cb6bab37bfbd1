import { runJsonProgram, type ToolIo } from '@metrochain/tool-kit';
import type { CommandContext } from './command';
import { COMMANDS } from './commands';

/** The process around the CLI; tests pass their own. */
export interface CliIo extends ToolIo {
  readStdin(): Promise<string>;
}

const DEFAULT_HTTP_TIMEOUT_MS = 60_000;

const FOOTER = `Output is JSON on stdout. Exit codes: 0 done (valid), 1 refused or failed ("CODE: message" on stderr),
2 usage error, 3 a check answered invalid (verify, verify-local, proof).
`;

/** Runs one command line and returns the exit code; the command's result is printed as JSON on stdout. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = { name: 'metrochain-pki', commands: COMMANDS, footer: FOOTER };
  const context: CommandContext = {
    env: io.env,
    readStdin: () => io.readStdin(),
    httpTimeoutMs: io.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  };
  return runJsonProgram(program, argv, io, context);
}
