/**
 * What a rule worked out for one entry of a file (a declared topic, a consumer group), kept across
 * analyses while the entry is the same object and so is everything the rule read besides it (its
 * `inputs`, compared one by one with `===`). Readers hand out the same entry object while its text
 * is unchanged (`readEntry`), so a keystroke in a 10,000-topic file re-checks the entries it
 * touched, not the other 9,999. The kept value must not hold the file or its wrappers (a later
 * text of the file would keep the old one alive): closures over them are made again by the caller.
 */
export class EntryMemo<V> {
  private readonly kept = new WeakMap<object, { inputs: readonly unknown[]; value: V }>();

  get(entry: object, inputs: readonly unknown[], compute: () => V): V {
    const kept = this.kept.get(entry);
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((input, i) => input === inputs[i])) return kept.value;
    const value = compute();
    this.kept.set(entry, { inputs, value });
    return value;
  }
}
