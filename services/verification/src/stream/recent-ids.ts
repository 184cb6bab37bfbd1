/** Remembers the last `capacity` ids seen, oldest forgotten first. */
export class RecentIds {
  readonly #capacity: number;
  readonly #ids = new Set<string>();
  readonly #order: string[] = [];
  #next = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** False when `id` is among the recent ones already; otherwise remembers it. */
  add(id: string): boolean {
    if (this.#ids.has(id)) {
      return false;
    }
    if (this.#order.length < this.#capacity) {
      this.#order.push(id);
    } else {
      const oldest = this.#order[this.#next];
      if (oldest !== undefined) {
        this.#ids.delete(oldest);
      }
      this.#order[this.#next] = id;
      this.#next = (this.#next + 1) % this.#capacity;
    }
    this.#ids.add(id);
    return true;
  }
}
