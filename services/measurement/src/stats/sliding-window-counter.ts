/**
 * Events per second over the last `windowS` seconds, in one-second buckets: adding is O(1), reading is O(windowS).
 * The window is the current second and the `windowS - 1` before it, so a rate settles within a second of a change.
 */
export class SlidingWindowCounter {
  readonly windowS: number;
  readonly #counts: number[];
  readonly #seconds: number[];
  readonly #now: () => number;

  constructor(windowS: number, now: () => number = Date.now) {
    this.windowS = windowS;
    this.#counts = new Array<number>(windowS).fill(0);
    this.#seconds = new Array<number>(windowS).fill(-1);
    this.#now = now;
  }

  add(count = 1): void {
    const second = Math.floor(this.#now() / 1000);
    const slot = second % this.windowS;
    if (this.#seconds[slot] !== second) {
      this.#seconds[slot] = second;
      this.#counts[slot] = 0;
    }
    this.#counts[slot] = (this.#counts[slot] ?? 0) + count;
  }

  perSecond(): number {
    const oldest = Math.floor(this.#now() / 1000) - this.windowS;
    let sum = 0;
    this.#seconds.forEach((second, slot) => {
      if (second > oldest) {
        sum += this.#counts[slot] ?? 0;
      }
    });
    return sum / this.windowS;
  }
}
