import { runCli } from '../cli/cli';
import type { Environment } from '../cli/command';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output; `interrupt` stands in for Ctrl-C. */
export async function cli(
  argv: readonly string[],
  options: Readonly<{ env?: Environment; isTTY?: boolean; interrupt?: AbortSignal }> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: options.env ?? {},
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    interrupt: options.interrupt ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
