/**
 * Runs at most `limit` tasks at once; the others start in arrival order as running ones settle. Written here
 * because the service has no promise-pool dependency and needs only this much of one.
 */
export class ConcurrencyLimit {
  readonly #limit: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`a concurrency limit is a positive integer, not ${String(limit)}`);
    }
    this.#limit = limit;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.#limit) {
      this.#running += 1;
    } else {
      // The task that settles hands its place over, so the count stays as it is.
      await new Promise<void>((resolve) => {
        this.#waiting.push(resolve);
      });
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) {
        this.#running -= 1;
      } else {
        next();
      }
    }
  }
}
