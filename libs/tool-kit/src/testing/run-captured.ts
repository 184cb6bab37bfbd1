import type { Environment, ToolIo } from '../cli/command';
import { capturedOutput } from './captured-output';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON. */
  json(): Record<string, unknown>;
}

/** What every tool's spec helper takes; no environment unless given. */
export type CliRunOptions = Readonly<{ env?: Environment; httpTimeoutMs?: number }>;

/** The environment of a run without one: a network file that does not exist. */
export const NO_NETWORK_ENV: Environment = { METROCHAIN_NETWORK_FILE: '/nonexistent/network.json' };

/** Runs one command line of a tool's `runCli` in-process with captured output; `extra` completes the tool's io. */
export async function runCaptured<Extra extends object>(
  runCli: (argv: readonly string[], io: ToolIo & Extra) => Promise<number>,
  argv: readonly string[],
  options: CliRunOptions,
  extra: Extra,
): Promise<CliRun> {
  const output = capturedOutput();
  const code = await runCli(argv, {
    ...output,
    env: options.env ?? NO_NETWORK_ENV,
    ...(options.httpTimeoutMs === undefined ? {} : { httpTimeoutMs: options.httpTimeoutMs }),
    ...extra,
  });
  const { stdout, stderr } = output.text;
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}
