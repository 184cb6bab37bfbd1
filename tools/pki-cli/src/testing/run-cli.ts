import { runCli } from '../cli';
import type { Environment } from '../command';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON. */
  json(): Record<string, unknown>;
}

/** Runs one command line in-process with captured output; no environment unless given. */
export async function cli(
  argv: readonly string[],
  options: Readonly<{ env?: Environment; stdin?: string; httpTimeoutMs?: number }> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: options.env ?? { METROCHAIN_NETWORK_FILE: '/nonexistent/network.json' },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    ...(options.httpTimeoutMs === undefined ? {} : { httpTimeoutMs: options.httpTimeoutMs }),
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}
