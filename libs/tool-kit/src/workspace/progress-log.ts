/** Progress output for long work (installs, builds): one line a step, with the time elapsed since the tool started. */
export interface ProgressLog {
  step: (message: string) => void;
  detail: (message: string) => void;
  warn: (message: string) => void;
}

export function createProgressLog(tool: string, started: number = Date.now()): ProgressLog {
  const stamp = (): string => `[${tool} +${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`;
  return {
    step: (message) => process.stdout.write(`${stamp()} ${message}\n`),
    detail: (message) => process.stdout.write(`${stamp()}   ${message}\n`),
    warn: (message) => process.stderr.write(`${stamp()} warning: ${message}\n`),
  };
}
