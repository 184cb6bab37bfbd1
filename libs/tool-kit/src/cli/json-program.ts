import { ExitCode } from '../tool-error';
import type { CliCommand, CliOutput, CliProgram } from './command';
import { runProgram } from './run-program';

/** A command's answer: printed as JSON on stdout; `exitCode` defaults to 0. */
export interface CommandResult<Code extends number = ExitCode> {
  readonly output: unknown;
  readonly exitCode?: Code;
}

/** A subcommand whose result is printed as JSON; `Code` is the tool's table of exit codes. */
export interface JsonCommand<Context, Code extends number = ExitCode> extends Pick<
  CliCommand<Context>,
  'name' | 'summary' | 'usage'
> {
  run(argv: readonly string[], context: Context): Promise<CommandResult<Code>>;
}

/** A tool whose every command prints its result as JSON on stdout. */
export interface JsonProgram<Context> extends Omit<CliProgram<Context>, 'commands'> {
  /** In the order the overview lists them. */
  readonly commands: readonly JsonCommand<Context, number>[];
}

/** The kit's command that prints `command`'s result as JSON on `output`. */
function printing<Context>(command: JsonCommand<Context, number>, output: CliOutput): CliCommand<Context> {
  return {
    name: command.name,
    summary: command.summary,
    usage: command.usage,
    run: async (argv, context) => {
      const result = await command.run(argv, context);
      output.stdout(`${JSON.stringify(result.output, null, 2)}\n`);
      return result.exitCode ?? ExitCode.OK;
    },
  };
}

/** runProgram for a tool whose commands answer JSON: the result on stdout, the exit code resolved. */
export function runJsonProgram<Context>(
  program: JsonProgram<Context>,
  argv: readonly string[],
  output: CliOutput,
  context: Context,
): Promise<number> {
  const commands = program.commands.map((command) => printing(command, output));
  return runProgram({ ...program, commands }, argv, output, context);
}
