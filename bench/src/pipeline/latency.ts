/** Collects latencies (ms) and answers percentiles; exact, the sample counts here are small. */
export class Latencies {
  readonly #values: number[] = [];

  add(ms: number): void {
    this.#values.push(ms);
  }

  get count(): number {
    return this.#values.length;
  }

  /** The p-th percentile (0–100) by nearest rank; NaN when empty. */
  percentile(p: number): number {
    if (this.#values.length === 0) {
      return Number.NaN;
    }
    const sorted = [...this.#values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1] ?? Number.NaN;
  }
}
