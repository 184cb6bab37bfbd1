import { isDomainError } from '@metrochain/errors';
import type { Command, CommandContext, Environment } from './command';
import { CliErrorCode, ExitCode } from './cli-error';
import { COMMANDS } from './commands';

/** The process around the CLI; tests pass their own. */
export interface CliIo {
  env: Environment;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  httpTimeoutMs?: number;
}

const DEFAULT_HTTP_TIMEOUT_MS = 60_000;
const HELP_FLAGS = new Set(['--help', '-h']);

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return `metrochain-pki <command> [options]   (metrochain-pki <command> --help for its options)

${lines.join('\n')}

Output is JSON on stdout. Exit codes: 0 done (valid), 1 refused or failed ("CODE: message" on stderr),
2 usage error, 3 a check answered invalid (verify, verify-local, proof).
`;
}

/** Runs one command line and returns the exit code; the command's result is printed as JSON on stdout. */
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
    io.stderr(`${CliErrorCode.USAGE}: unknown command ${JSON.stringify(name)}\n\n${overview()}`);
    return ExitCode.USAGE;
  }
  if (rest.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.OK;
  }
  const context: CommandContext = {
    env: io.env,
    readStdin: () => io.readStdin(),
    httpTimeoutMs: io.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  };
  try {
    const result = await command.run(rest, context);
    io.stdout(`${JSON.stringify(result.output, null, 2)}\n`);
    return result.exitCode ?? ExitCode.OK;
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: Command, io: CliIo): ExitCode {
  if (!isDomainError(error)) {
    io.stderr(`INTERNAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.REFUSED;
  }
  io.stderr(`${error.code}: ${error.message}\n`);
  if (error.code === CliErrorCode.USAGE) {
    io.stderr(`run metrochain-pki ${command.name} --help for its options\n`);
    return ExitCode.USAGE;
  }
  return ExitCode.REFUSED;
}
