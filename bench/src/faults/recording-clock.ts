/**
 * When readings were last recorded (as `measurements.recorded.v1` shows, in `performance.now()` time) and the
 * longest stretch without any since the last `restart()`: a fault's stall, as the fleet's readings saw it.
 */
export class RecordingClock {
  #last = 0;
  #longestGap = 0;
  #since = 0;

  recorded(at: number): void {
    if (at > this.#last) {
      this.#longestGap = Math.max(this.#longestGap, at - Math.max(this.#last, this.#since));
      this.#last = at;
    }
  }

  get last(): number {
    return this.#last;
  }

  /** Starts measuring the longest gap afresh from `now`. */
  restart(now: number): void {
    this.#since = now;
    this.#longestGap = 0;
  }

  /** The longest gap since `restart`, including the one still open at `now`. */
  longestGap(now: number): number {
    return Math.max(this.#longestGap, now - Math.max(this.#last, this.#since));
  }
}
