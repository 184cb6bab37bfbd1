import type { CliOutput } from '../cli/command';

/** What a CLI run wrote, for tests that run a tool in-process. */
export interface CapturedOutput extends CliOutput {
  readonly text: { stdout: string; stderr: string };
}

export function capturedOutput(): CapturedOutput {
  const text = { stdout: '', stderr: '' };
  return {
    text,
    stdout: (written) => {
      text.stdout += written;
    },
    stderr: (written) => {
      text.stderr += written;
    },
  };
}
