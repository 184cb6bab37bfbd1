import type { FleetCounters, FleetEvent } from '../fleet/fleet-events';
import { clock } from '../watch/stats-view';

export interface ReporterOptions {
  write(text: string): void;
  /** One JSON object per line for every event, instead of text. */
  json: boolean;
  /** The live view owns the screen: only registration progress is printed as text. */
  quiet: boolean;
}

const PROGRESS_STEPS = 10;

/** Turns fleet events into output: JSON lines, or a few human lines (registration progress, a periodic tally). */
export class FleetReporter {
  readonly #options: ReporterOptions;
  #lastTally: { at: number; sent: number } | undefined;

  constructor(options: ReporterOptions) {
    this.#options = options;
  }

  event(event: FleetEvent): void {
    if (this.#options.json) {
      this.#emit({ ...event });
    } else if (event.type === 'registration') {
      const step = Math.max(1, Math.ceil(event.total / PROGRESS_STEPS));
      if (event.done % step === 0 || event.done === event.total) {
        this.#line(
          `registered ${event.done}/${event.total} meters (attested by ${event.attestedBy.join(', ')})`,
        );
      }
    } else if (event.type === 'registration-failed') {
      this.#line(`registration of ${event.meterId} failed: ${event.code}: ${event.message}`);
    }
  }

  /** Plain text (or a JSON object with `type: message`). */
  message(text: string, fields: Record<string, unknown> = {}): void {
    if (this.#options.json) {
      this.#emit({ type: 'message', message: text, ...fields });
    } else {
      this.#line(text);
    }
  }

  /** Called every few seconds while the fleet runs: readings sent since the last tally. */
  tally(counters: FleetCounters, pending: number, now = Date.now()): void {
    const last = this.#lastTally ?? { at: now, sent: 0 };
    this.#lastTally = { at: now, sent: counters.sent };
    const seconds = (now - last.at) / 1000;
    const rate = seconds > 0 ? (counters.sent - last.sent) / seconds : 0;
    if (this.#options.json) {
      this.#emit({ type: 'tally', ...counters, pending, perSecond: Number(rate.toFixed(2)) });
    } else if (!this.#options.quiet) {
      this.#line(
        `${clock(new Date(now))} sent ${counters.sent} readings (${rate.toFixed(1)}/s), ${pending} pending, ${counters.retries} retries`,
      );
    }
  }

  #line(text: string): void {
    this.#options.write(`${text}\n`);
  }

  #emit(value: Record<string, unknown>): void {
    this.#options.write(`${JSON.stringify({ at: new Date().toISOString(), ...value })}\n`);
  }
}
