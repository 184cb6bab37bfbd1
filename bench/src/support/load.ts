/** Runs `task` for every item with at most `concurrency` in flight; resolves when all are done (first error wins). */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Calls `task` from `concurrency` loops until `durationMs` passed; returns completed calls and elapsed seconds. */
export async function runFor(
  durationMs: number,
  concurrency: number,
  task: (worker: number, iteration: number) => Promise<void>,
): Promise<{ completed: number; seconds: number }> {
  const started = performance.now();
  const deadline = started + durationMs;
  let completed = 0;
  const loop = async (worker: number): Promise<void> => {
    for (let iteration = 0; performance.now() < deadline; iteration += 1) {
      await task(worker, iteration);
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, worker) => loop(worker)));
  return { completed, seconds: (performance.now() - started) / 1000 };
}

/** Prints a progress line at most once a second. */
export function progress(label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last >= 1000 || done === total) {
      last = now;
      console.log(`  ${label}: ${String(done)}/${String(total)}`);
    }
  };
}
