import { runCaptured, type CliRun, type CliRunOptions } from '@metrochain/tool-kit/testing';
import { runCli } from '../cli';
import type { FeFunctions } from '../fe/fe-functions';

export type { CliRun } from '@metrochain/tool-kit/testing';

/** Runs one command line in-process with captured output; no environment unless given, libs/fe unless `fe`. */
export function cli(
  argv: readonly string[],
  options: CliRunOptions & Readonly<{ fe?: FeFunctions }> = {},
): Promise<CliRun> {
  return runCaptured(runCli, argv, options, options.fe === undefined ? {} : { fe: options.fe });
}
