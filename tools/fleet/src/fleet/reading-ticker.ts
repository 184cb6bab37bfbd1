import { pause } from '../util/pause';

export interface TickerOptions {
  /** Ticks per second. */
  rate: number;
  /** Ends the ticker. */
  until: AbortSignal;
  tick(): void;
}

/**
 * Calls `tick` `rate` times a second on a fixed schedule, so that slow ticks do not slow the rate down; when it falls
 * behind by more than one tick (a busy machine) it starts a new schedule rather than firing a burst to catch up.
 */
export async function runTicker(options: TickerOptions): Promise<void> {
  const intervalMs = 1000 / options.rate;
  let start = Date.now();
  let count = 0;
  while (!options.until.aborted) {
    options.tick();
    count += 1;
    let next = start + count * intervalMs;
    if (Date.now() - next > intervalMs) {
      start = Date.now();
      count = 0;
      next = start + intervalMs;
    }
    await pause(Math.max(0, next - Date.now()), options.until);
  }
}
