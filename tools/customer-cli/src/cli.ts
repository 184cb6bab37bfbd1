import { runJsonProgram, type ToolIo } from '@metrochain/tool-kit';
import type { CommandContext } from './command';
import { COMMANDS } from './commands';
import { REAL_FE, type FeFunctions } from './fe/fe-functions';

/** The process around the CLI; tests pass their own. */
export interface CliIo extends ToolIo {
  /** libs/fe unless given (specs pass fakes). */
  fe?: FeFunctions;
}

const DEFAULT_HTTP_TIMEOUT_MS = 60_000;

const FOOTER = `Output is JSON on stdout. Exit codes: 0 done, 1 refused or failed ("CODE: message" on stderr),
2 usage error. The seed never appears in the output.
`;

/** Runs one command line and returns the exit code; the command's result is printed as JSON on stdout. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = { name: 'metrochain-customer', commands: COMMANDS, footer: FOOTER };
  const context: CommandContext = {
    env: io.env,
    httpTimeoutMs: io.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
    fe: io.fe ?? REAL_FE,
  };
  return runJsonProgram(program, argv, io, context);
}
