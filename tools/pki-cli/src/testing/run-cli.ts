import { runCaptured, type CliRun, type CliRunOptions } from '@metrochain/tool-kit/testing';
import { runCli } from '../cli';

export type { CliRun } from '@metrochain/tool-kit/testing';

/** Runs one command line in-process with captured output; no environment unless given. */
export function cli(
  argv: readonly string[],
  options: CliRunOptions & Readonly<{ stdin?: string }> = {},
): Promise<CliRun> {
  return runCaptured(runCli, argv, options, { readStdin: () => Promise.resolve(options.stdin ?? '') });
}
