import { isDomainError } from '@metrochain/errors';
import type { CliIo, Command } from './command';
import { runCommand } from '../commands/run.command';
import { watchCommand } from '../commands/watch.command';
import { ExitCode, FleetErrorCode } from '../fleet-error';

export const COMMANDS: readonly Command[] = [runCommand, watchCommand];
const HELP_FLAGS = new Set(['--help', '-h']);

function overview(): string {
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(8)}${command.summary}`);
  return `metrochain-fleet <command> [options]   (metrochain-fleet <command> --help for its options)

${lines.join('\n')}

Exit codes: 0 done (also after Ctrl-C), 1 refused or failed ("CODE: message" on stderr), 2 usage error.
`;
}

/** Runs one command line and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(overview());
    return ExitCode.USAGE;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    const topic = COMMANDS.find((candidate) => candidate.name === rest[0]);
    io.stdout(topic === undefined ? overview() : `${topic.usage}\n`);
    return ExitCode.OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(`${FleetErrorCode.USAGE}: unknown command ${JSON.stringify(name)}\n\n${overview()}`);
    return ExitCode.USAGE;
  }
  if (rest.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: Command, io: CliIo): ExitCode {
  if (!isDomainError(error)) {
    io.stderr(`INTERNAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.FAILED;
  }
  io.stderr(`${error.code}: ${error.message}\n`);
  if (error.code === FleetErrorCode.USAGE) {
    io.stderr(`run metrochain-fleet ${command.name} --help for its options\n`);
    return ExitCode.USAGE;
  }
  return ExitCode.FAILED;
}
