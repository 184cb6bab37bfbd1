/** A least-recently-used map of at most `limit` entries: caches in a long-running process must not grow. */
export class BoundedCache<K, V> {
  readonly #limit: number;
  readonly #entries = new Map<K, V>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  getOrCreate(key: K, create: (key: K) => V): V {
    if (this.#entries.has(key)) {
      const value = this.#entries.get(key) as V;
      this.#entries.delete(key);
      this.#entries.set(key, value);
      return value;
    }
    const value = create(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
