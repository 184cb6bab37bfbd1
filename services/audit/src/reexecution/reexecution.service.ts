import {
  type ContinuousReexecution as ContinuousReexecutionStatus,
  type ReexecutionTally,
  readingDigestOf,
} from '@metrochain/contracts';
import type { DecodedBlock } from '@metrochain/ledger';
import type { BlockHandler } from '../block-feed/block-handler';
import type { BundleStore } from './bundle-store';
import { type ReexecutionChecker, addTally, emptyTally } from './reexecution-checker';
import { recordBatchOf } from './recorded-readings';

export interface ContinuousReexecutionOptions {
  checker: ReexecutionChecker;
  bundles: BundleStore;
  /** Share of recorded readings checked; a reading is in the sample by its digest, the same on every run. */
  sampleRate: number;
  nextBlock: () => number;
}

// The first 8 hex digits of the digest as a fraction: a deterministic sample, so that a replayed block checks the
// same readings again.
function inSample(digest: string, rate: number): boolean {
  return rate >= 1 || Number.parseInt(digest.slice(0, 8), 16) / 0x1_0000_0000 < rate;
}

/** Re-executes every valid recordBatch of every block the feed hands over, and keeps the running tallies. */
export class ContinuousReexecution implements BlockHandler {
  readonly name = 'reexecution';
  readonly #options: ContinuousReexecutionOptions;
  readonly #tally: ReexecutionTally = emptyTally();
  #transactions = 0;
  #elapsedMs = 0;

  constructor(options: ContinuousReexecutionOptions) {
    this.#options = options;
  }

  async handleBlock(block: Readonly<DecodedBlock>): Promise<void> {
    for (const decoded of block.transactions) {
      const tx = recordBatchOf(decoded, block.number);
      if (tx === undefined) {
        continue;
      }
      const rate = this.#options.sampleRate;
      const result = await this.#options.checker.check(tx, ({ reading }) =>
        inSample(readingDigestOf(reading), rate),
      );
      this.#transactions += 1;
      this.#elapsedMs += result.elapsedMs;
      addTally(this.#tally, result);
    }
  }

  status(): ContinuousReexecutionStatus {
    return {
      ...this.#tally,
      nextBlock: this.#options.nextBlock(),
      transactions: this.#transactions,
      meanMsPerReading: this.#tally.checked === 0 ? 0 : this.#elapsedMs / this.#tally.checked,
      bundles: this.#options.bundles.list(),
    };
  }
}
