/** Progress output for long work: one line a step, with elapsed time (as the devnet prints its install). */
const started = Date.now();

function stamp(): string {
  return `[k8s +${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`;
}

export function step(message: string): void {
  process.stdout.write(`${stamp()} ${message}\n`);
}

export function detail(message: string): void {
  process.stdout.write(`${stamp()}   ${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`${stamp()} warning: ${message}\n`);
}
