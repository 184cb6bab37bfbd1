/** Starts a one-shot timer and returns what cancels it; injectable so that tests control time. */
export type StartTimer = (callback: () => void, delayMs: number) => () => void;

export interface PartitionBatcherOptions<T> {
  /** A batch closes when this many items wait … */
  maxSize: number;
  /** … or when the oldest waiting item is this old, whichever comes first. */
  maxAgeMs: number;
  /** Handles a closed batch; the next batch is taken only once it settled. */
  flush: (batch: T[]) => Promise<void>;
  /** A flush that rejects stops the batcher (see `failed`). */
  onFailure: (error: unknown, batch: readonly T[]) => void;
  now?: () => number;
  startTimer?: StartTimer;
}

interface Waiting<T> {
  item: T;
  at: number;
}

const startRealTimer: StartTimer = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return (): void => {
    clearTimeout(timer);
  };
};

/**
 * Groups the items of one Kafka partition into batches bounded by size and age, in order, with at most one batch
 * in flight: a meter maps to one partition, so no two batches in flight ever hold the same meter. While a batch is
 * in flight the next one fills (its age still counts) and goes as soon as the first settled.
 */
export class PartitionBatcher<T> {
  readonly #options: Readonly<PartitionBatcherOptions<T>>;
  readonly #now: () => number;
  readonly #startTimer: StartTimer;
  #pending: Waiting<T>[] = [];
  #inFlight: Promise<void> | undefined;
  #cancelTimer: (() => void) | undefined;
  #roomWaiters: (() => void)[] = [];
  #failed = false;

  constructor(options: Readonly<PartitionBatcherOptions<T>>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#startTimer = options.startTimer ?? startRealTimer;
  }

  get pending(): number {
    return this.#pending.length;
  }

  get busy(): boolean {
    return this.#inFlight !== undefined;
  }

  /**
   * True once a flush failed: nothing is taken any more, because committing a later batch would move the offsets
   * past the failed one. The partition is consumed again from its committed offset after a restart.
   */
  get failed(): boolean {
    return this.#failed;
  }

  add(items: readonly T[]): void {
    if (this.#failed) {
      return;
    }
    const at = this.#now();
    for (const item of items) {
      this.#pending.push({ item, at });
    }
    this.#dispatch();
  }

  /** Whether fewer than a full batch wait; the consumer stops taking in records of the partition until then. */
  hasRoom(): boolean {
    return this.#failed || this.#pending.length < this.#options.maxSize;
  }

  waitForRoom(): Promise<void> {
    return this.hasRoom()
      ? Promise.resolve()
      : new Promise((resolve) => {
          this.#roomWaiters.push(resolve);
        });
  }

  /** Drops what waits (not what is in flight), e.g. when the partition may have gone to another consumer. */
  discardPending(): void {
    this.#pending = [];
    this.#stopTimer();
    this.#notifyRoom();
  }

  /** Resolves once no batch is in flight. */
  async idle(): Promise<void> {
    while (this.#inFlight !== undefined) {
      await this.#inFlight;
    }
  }

  #dispatch(): void {
    const oldest = this.#pending[0];
    if (this.#inFlight !== undefined || this.#failed || oldest === undefined) {
      return;
    }
    const ageMs = this.#now() - oldest.at;
    if (this.#pending.length < this.#options.maxSize && ageMs < this.#options.maxAgeMs) {
      this.#cancelTimer ??= this.#startTimer(() => {
        this.#cancelTimer = undefined;
        this.#dispatch();
      }, this.#options.maxAgeMs - ageMs);
      return;
    }
    this.#stopTimer();
    const batch = this.#pending.splice(0, this.#options.maxSize).map((waiting) => waiting.item);
    this.#notifyRoom();
    const flight = this.#flush(batch);
    this.#inFlight = flight;
    void flight.then(() => {
      this.#inFlight = undefined;
      this.#dispatch();
    });
  }

  async #flush(batch: T[]): Promise<void> {
    try {
      await this.#options.flush(batch);
    } catch (error) {
      this.#failed = true;
      this.discardPending();
      this.#options.onFailure(error, batch);
    }
  }

  #stopTimer(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  #notifyRoom(): void {
    if (!this.hasRoom()) {
      return;
    }
    const waiters = this.#roomWaiters;
    this.#roomWaiters = [];
    for (const resolve of waiters) {
      resolve();
    }
  }
}
