import { isDomainError } from '@metrochain/errors';
import { ExitCode, ToolErrorCode } from '../tool-error';
import type { CliCommand, CliOutput, CliProgram } from './command';

const HELP_FLAGS = new Set(['--help', '-h']);

function overview(program: CliProgram<never>): string {
  const width = Math.max(...program.commands.map((command) => command.name.length)) + 2;
  const lines = program.commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return `${program.name} <command> [options]   (${program.name} <command> --help for its options)

${lines.join('\n')}

${program.footer}`;
}

/**
 * Runs one command line of `program` and resolves to the exit code: the overview, a command's --help, or the
 * command itself, whose DomainError becomes "CODE: message" on stderr (exit 2 for USAGE, else 1).
 */
export async function runProgram<Context>(
  program: CliProgram<Context>,
  argv: readonly string[],
  output: CliOutput,
  context: Context,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    output.stderr(overview(program));
    return ExitCode.USAGE;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    const topic = program.commands.find((candidate) => candidate.name === rest[0]);
    output.stdout(topic === undefined ? overview(program) : `${topic.usage}\n`);
    return ExitCode.OK;
  }
  const command = program.commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    output.stderr(`${ToolErrorCode.USAGE}: unknown command ${JSON.stringify(name)}\n\n${overview(program)}`);
    return ExitCode.USAGE;
  }
  if (rest.some((arg) => HELP_FLAGS.has(arg))) {
    output.stdout(`${command.usage}\n`);
    return ExitCode.OK;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    return report(error, program.name, command, output);
  }
}

function report(error: unknown, programName: string, command: CliCommand<never>, output: CliOutput): number {
  if (!isDomainError(error)) {
    output.stderr(`INTERNAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.FAILED;
  }
  output.stderr(`${error.code}: ${error.message}\n`);
  if (error.code === ToolErrorCode.USAGE) {
    output.stderr(`run ${programName} ${command.name} --help for its options\n`);
    return ExitCode.USAGE;
  }
  return ExitCode.FAILED;
}
