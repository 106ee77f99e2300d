/**
 * What one model build can take over from the previous one. Facts are cached per file text, so an
 * unchanged file keeps its facts object: a deployment whose files all kept theirs (and run the same
 * Kafka versions) is the same deployment — its flows, replay and loop search, built once — and a
 * binding of declarations whose inputs are all the same objects is the same binding. Everything a
 * build did not use is forgotten at the next one.
 */
export class ModelMemo {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private previous = new Map<string, unknown>();
  private current = new Map<string, unknown>();

  /** A number naming an object for as long as it lives. */
  id(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) this.ids.set(object, (id = this.nextId++));
    return id;
  }

  /** Starts a build: what the last one used stays reusable, everything older goes. */
  startBuild(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Offers `value` to the next build (see take). */
  keep(key: string, value: unknown): void {
    this.current.set(key, value);
  }

  /** What the last build kept under `key`, handed out once (the taker may change it in place). */
  take<T>(key: string): T | undefined {
    const value = this.previous.get(key) as T | undefined;
    this.previous.delete(key);
    return value;
  }

  /** The value built for `key` by this build or the last one, else `build()`'s. */
  reuse<T>(key: string, build: () => T): T {
    if (this.current.has(key)) return this.current.get(key) as T;
    const value = this.previous.has(key) ? (this.previous.get(key) as T) : build();
    this.current.set(key, value);
    return value;
  }
}
