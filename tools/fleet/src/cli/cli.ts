import { runProgram } from '@metrochain/tool-kit';
import type { CliIo, Command } from './command';
import { runCommand } from '../commands/run.command';
import { watchCommand } from '../commands/watch.command';

export const COMMANDS: readonly Command[] = [runCommand, watchCommand];

const PROGRAM = {
  name: 'metrochain-fleet',
  commands: COMMANDS,
  footer:
    'Exit codes: 0 done (also after Ctrl-C), 1 refused or failed ("CODE: message" on stderr), 2 usage error.\n',
};

/** Runs one command line and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runProgram(PROGRAM, argv, io, io);
}
