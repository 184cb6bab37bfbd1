import type { ExplorerBlock, ExplorerRates } from '@metrochain/contracts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const MINUTES_SHOWN = 60;
const HOURS_SHOWN = 24;

export interface BlockCounters {
  blocks: number;
  transactions: number;
  valid: number;
  invalid: number;
}

/**
 * What the explorer keeps of blocks [0, indexedHeight): counters, transactions per minute and hour (by the
 * transactions' own timestamps) and the summaries of the most recent blocks. Blocks must be added in order.
 */
export class BlockIndex {
  readonly #recentLimit: number;
  readonly #recent: ExplorerBlock[] = [];
  readonly #perMinute = new Map<number, number>();
  readonly #perHour = new Map<number, number>();
  #counters: BlockCounters = { blocks: 0, transactions: 0, valid: 0, invalid: 0 };

  constructor(recentLimit = 50) {
    this.#recentLimit = recentLimit;
  }

  get indexedHeight(): number {
    return this.#counters.blocks;
  }

  get counters(): BlockCounters {
    return { ...this.#counters };
  }

  add(block: ExplorerBlock): void {
    if (block.number !== this.#counters.blocks) {
      throw new Error(`block ${block.number} added out of order (expected ${this.#counters.blocks})`);
    }
    const valid = block.transactions.filter((tx) => tx.validationCode === 'VALID').length;
    this.#counters = {
      blocks: this.#counters.blocks + 1,
      transactions: this.#counters.transactions + block.transactions.length,
      valid: this.#counters.valid + valid,
      invalid: this.#counters.invalid + block.transactions.length - valid,
    };
    for (const tx of block.transactions) {
      const at = Date.parse(tx.timestamp);
      bump(this.#perMinute, at - (at % MINUTE_MS));
      bump(this.#perHour, at - (at % HOUR_MS));
    }
    this.#recent.unshift(block);
    this.#recent.length = Math.min(this.#recent.length, this.#recentLimit);
  }

  /** The newest blocks, newest first. */
  latest(limit: number): ExplorerBlock[] {
    return this.#recent.slice(0, limit);
  }

  /** Buckets ending at `now`, oldest first, empty ones included; older buckets are dropped. */
  rates(now: number): ExplorerRates {
    prune(this.#perMinute, now - MINUTES_SHOWN * MINUTE_MS);
    prune(this.#perHour, now - HOURS_SHOWN * HOUR_MS);
    return {
      perMinute: buckets(this.#perMinute, now, MINUTE_MS, MINUTES_SHOWN),
      perHour: buckets(this.#perHour, now, HOUR_MS, HOURS_SHOWN),
    };
  }
}

function bump(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function prune(map: Map<number, number>, before: number): void {
  for (const key of map.keys()) {
    if (key < before - HOUR_MS) {
      map.delete(key);
    }
  }
}

function buckets(
  map: Map<number, number>,
  now: number,
  size: number,
  count: number,
): { start: string; transactions: number }[] {
  const last = now - (now % size);
  return Array.from({ length: count }, (_, i) => {
    const start = last - (count - 1 - i) * size;
    return { start: new Date(start).toISOString(), transactions: map.get(start) ?? 0 };
  });
}
