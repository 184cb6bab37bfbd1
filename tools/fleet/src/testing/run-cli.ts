import type { Environment } from '@metrochain/tool-kit';
import { capturedOutput } from '@metrochain/tool-kit/testing';
import { runCli } from '../cli/cli';

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
  const output = capturedOutput();
  const code = await runCli(argv, {
    ...output,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    interrupt: options.interrupt ?? new AbortController().signal,
  });
  return { code, ...output.text };
}
