import { runProgram, type CliCommand, type CliOutput, type Environment } from '@metrochain/tool-kit';
import type { Command, CommandContext } from './command';
import { ExitCode } from './cli-error';
import { COMMANDS } from './commands';
import { REAL_FE, type FeFunctions } from './fe/fe-functions';

/** The process around the CLI; tests pass their own. */
export interface CliIo extends CliOutput {
  env: Environment;
  httpTimeoutMs?: number;
  /** libs/fe unless given (specs pass fakes). */
  fe?: FeFunctions;
}

const DEFAULT_HTTP_TIMEOUT_MS = 60_000;

const FOOTER = `Output is JSON on stdout. Exit codes: 0 done, 1 refused or failed ("CODE: message" on stderr),
2 usage error. The seed never appears in the output.
`;

/** Every command prints its result as JSON on stdout; the kit's skeleton does the rest. */
function printing(command: Command, io: CliOutput): CliCommand<CommandContext> {
  return {
    name: command.name,
    summary: command.summary,
    usage: command.usage,
    run: async (argv, context) => {
      const result = await command.run(argv, context);
      io.stdout(`${JSON.stringify(result.output, null, 2)}\n`);
      return result.exitCode ?? ExitCode.OK;
    },
  };
}

/** Runs one command line and returns the exit code; the command's result is printed as JSON on stdout. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = {
    name: 'metrochain-customer',
    commands: COMMANDS.map((command) => printing(command, io)),
    footer: FOOTER,
  };
  const context: CommandContext = {
    env: io.env,
    httpTimeoutMs: io.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
    fe: io.fe ?? REAL_FE,
  };
  return runProgram(program, argv, io, context);
}
