import { appendFileSync } from 'node:fs';
import type { ReadingTruth } from '../readings/reading-truth';
import type { SentReading } from '../state/meter-record';

/** Enough for any test run; a fleet left running for days forgets the oldest (the file keeps them all). */
export const DEFAULT_TRUTH_LIMIT = 200_000;

/**
 * The truth behind every reading the measurement service acknowledged, by reading id, so that a consumer can compare
 * what the ledger recorded with what was measured. Optionally appended to a JSON-lines file as well.
 */
export class TruthLog {
  readonly #truths = new Map<string, ReadingTruth>();
  readonly #limit: number;
  readonly #file: string | undefined;

  constructor(options: Readonly<{ limit?: number; file?: string }> = {}) {
    this.#limit = options.limit ?? DEFAULT_TRUTH_LIMIT;
    this.#file = options.file;
  }

  get truths(): ReadonlyMap<string, ReadingTruth> {
    return this.#truths;
  }

  record(entries: readonly SentReading[]): void {
    for (const entry of entries) {
      this.#truths.delete(entry.readingId);
      this.#truths.set(entry.readingId, entry.truth);
    }
    for (const oldest of this.#truths.keys()) {
      if (this.#truths.size <= this.#limit) {
        break;
      }
      this.#truths.delete(oldest);
    }
    if (this.#file !== undefined && entries.length > 0) {
      const lines = entries.map((entry) => JSON.stringify({ readingId: entry.readingId, ...entry.truth }));
      appendFileSync(this.#file, `${lines.join('\n')}\n`);
    }
  }
}
