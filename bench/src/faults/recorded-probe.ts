import { MeasurementApiPaths } from '@metrochain/contracts';
import type { RecordingClock } from './recording-clock';

const POLL_MS = 250;

/**
 * Tells the clock whenever the measurement service (the recorder) counted more readings recorded: polls its public
 * `/stats` four times a second. The events on Kafka would say the same, but a consumer watching them stalls through
 * the Kafka faults themselves; the recorder's own count does not. A restarted instance counts from zero again (a new
 * `since`): any recorded reading it reports then is news.
 */
export class RecordedProbe {
  readonly #url: string;
  readonly #clock: RecordingClock;
  #timer: NodeJS.Timeout | undefined;
  #since = '';
  #recorded = 0;
  #busy = false;

  constructor(measurementUrl: string, clock: RecordingClock) {
    this.#url = `${measurementUrl}${MeasurementApiPaths.stats}`;
    this.#clock = clock;
  }

  start(): void {
    this.#timer = setInterval(() => {
      void this.#poll();
    }, POLL_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #poll(): Promise<void> {
    if (this.#busy) {
      return;
    }
    this.#busy = true;
    try {
      const response = await fetch(this.#url, { signal: AbortSignal.timeout(2 * POLL_MS) });
      const stats = (await response.json()) as { since?: string; totals?: { recorded?: number } };
      const recorded = stats.totals?.recorded ?? 0;
      const restarted = stats.since !== undefined && stats.since !== this.#since;
      if (recorded > (restarted ? 0 : this.#recorded)) {
        this.#clock.recorded(performance.now());
      }
      this.#since = stats.since ?? this.#since;
      this.#recorded = recorded;
    } catch {
      // down or frozen: nothing recorded that it could tell
    } finally {
      this.#busy = false;
    }
  }
}
