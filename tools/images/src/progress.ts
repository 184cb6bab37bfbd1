/** Progress lines for long work, each stamped with the time since the builder started. */
const started = Date.now();

export function elapsedSeconds(since: number = started): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

export function progress(message: string): void {
  process.stdout.write(`[images +${elapsedSeconds().padStart(6)}s] ${message}\n`);
}

export function detail(message: string): void {
  process.stdout.write(`[images +${elapsedSeconds().padStart(6)}s]   ${message}\n`);
}
