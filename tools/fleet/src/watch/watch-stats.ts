import type { MeasurementApi } from '../http/measurement-client';
import { pause } from '../util/pause';
import type { StatsPrinter } from './stats-printer';
import type { FleetStatus } from './stats-view';

export interface WatchLoopOptions {
  api: Pick<MeasurementApi, 'getStats'>;
  printer: StatsPrinter;
  intervalMs: number;
  /** One sample, then return. */
  once?: boolean;
  /** Ends the loop (Ctrl-C, the fleet stopped). */
  signal?: AbortSignal;
  /** The fleet's own counts, when a fleet runs in this process. */
  fleetStatus?: () => FleetStatus;
  now?: () => Date;
}

/** Polls GET /stats every `intervalMs` and prints each sample; an unavailable service is shown, not fatal. */
export async function watchStats(options: WatchLoopOptions): Promise<void> {
  const now = options.now ?? ((): Date => new Date());
  for (;;) {
    const started = Date.now();
    try {
      const stats = await options.api.getStats(options.signal);
      options.printer.sample(stats, now(), options.fleetStatus?.());
    } catch (error) {
      if (options.signal?.aborted === true) {
        return;
      }
      options.printer.failure(error, now(), options.fleetStatus?.());
    }
    if (options.once === true) {
      return;
    }
    await pause(Math.max(0, options.intervalMs - (Date.now() - started)), options.signal);
    if (options.signal?.aborted === true) {
      return;
    }
  }
}
