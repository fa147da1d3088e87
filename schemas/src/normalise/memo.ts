/**
 * Remembers the results for fields that take few distinct values across a catalogue ("Online", "Beginner",
 * "English"), so a crawl of thousands of courses parses each spelling once. Bounded: cleared when full.
 */
export class Memo<T> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly limit = 4096) {}

  get(key: string, compute: () => T): T {
    const known = this.#entries.get(key);
    if (known !== undefined || this.#entries.has(key)) return known as T;
    const value = compute();
    if (this.#entries.size >= this.limit) this.#entries.clear();
    if (key.length <= 200) this.#entries.set(key, value);
    return value;
  }
}
