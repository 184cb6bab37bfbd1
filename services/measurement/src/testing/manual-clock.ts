import type { StartTimer } from '../recorder/partition-batcher';

interface Timer {
  dueAt: number;
  callback: () => void;
}

/** Time that moves only when the test says so; timers fire in due order as it passes. */
export class ManualClock {
  #now: number;
  #timers = new Set<Timer>();

  constructor(start = 0) {
    this.#now = start;
  }

  readonly now = (): number => this.#now;

  readonly startTimer: StartTimer = (callback, delayMs) => {
    const timer = { dueAt: this.#now + delayMs, callback };
    this.#timers.add(timer);
    return (): void => {
      this.#timers.delete(timer);
    };
  };

  get pendingTimers(): number {
    return this.#timers.size;
  }

  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const next = [...this.#timers]
        .filter((timer) => timer.dueAt <= until)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (next === undefined) {
        break;
      }
      this.#timers.delete(next);
      this.#now = next.dueAt;
      next.callback();
    }
    this.#now = until;
  }
}
