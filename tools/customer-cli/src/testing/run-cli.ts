import type { Environment } from '@metrochain/tool-kit';
import { capturedOutput } from '@metrochain/tool-kit/testing';
import { runCli } from '../cli';
import type { FeFunctions } from '../fe/fe-functions';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON. */
  json(): Record<string, unknown>;
}

/** Runs one command line in-process with captured output; no environment unless given, libs/fe unless `fe`. */
export async function cli(
  argv: readonly string[],
  options: Readonly<{ env?: Environment; fe?: FeFunctions; httpTimeoutMs?: number }> = {},
): Promise<CliRun> {
  const output = capturedOutput();
  const code = await runCli(argv, {
    ...output,
    env: options.env ?? { METROCHAIN_NETWORK_FILE: '/nonexistent/network.json' },
    ...(options.fe === undefined ? {} : { fe: options.fe }),
    ...(options.httpTimeoutMs === undefined ? {} : { httpTimeoutMs: options.httpTimeoutMs }),
  });
  const { stdout, stderr } = output.text;
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}
