/**
 * A least-recently-used map bounded in bytes, not in entries: a few huge values cannot hold the
 * memory that many small ones would be refused. `sizeOf` estimates an entry's bytes.
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  /** Bytes held now (never more than the budget). */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.map.size;
  }

  /** The value under `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  /** Stores a value, evicting the least recently used until it fits; one larger than the budget is not kept. */
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(key, value);
    if (bytes > this.budget) return;
    this.map.set(key, { value, bytes });
    this.used += bytes;
    for (const [old, entry] of this.map) {
      if (this.used <= this.budget) break;
      this.map.delete(old);
      this.used -= entry.bytes;
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.map.clear();
    this.used = 0;
  }

  delete(key: string): void {
    const entry = this.map.get(key);
    if (!entry) return;
    this.map.delete(key);
    this.used -= entry.bytes;
  }
}
