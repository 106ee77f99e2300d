/**
 * A bounded map that forgets its oldest entries first. Analyses repeat on every keystroke with
 * mostly the same regexes and filters, so their compiled forms are kept between analyses.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, compute: (key: K) => V): V {
    if (this.map.has(key)) {
      const value = this.map.get(key) as V;
      // Re-insert to mark as recently used, once eviction is near: a mesh asks for the same
      // filters thousands of times per analysis, and far from the limit the order does not matter.
      if (this.map.size * 2 > this.limit) {
        this.map.delete(key);
        this.map.set(key, value);
      }
      return value;
    }
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
    return value;
  }
}
