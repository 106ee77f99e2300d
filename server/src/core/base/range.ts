/** A half-open span of UTF-16 offsets into one file's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export function contains(range: OffsetRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Items looked up by the ranges they overlap, in O(log n + k) per query instead of a scan of all
 * items: sorted by start, a query only visits items that start no earlier than the longest item
 * before it could still reach. Items far longer than the rest are few and always checked.
 */
export class RangeIndex<T> {
  private readonly short: { range: OffsetRange; item: T; order: number }[];
  private readonly long: { range: OffsetRange; item: T; order: number }[] = [];
  private readonly reach: number;

  constructor(items: readonly T[], rangeOf: (item: T) => OffsetRange) {
    const entries = items.map((item, order) => ({ range: rangeOf(item), item, order }));
    const LONG = 4096;
    this.short = entries.filter((e) => e.range.end - e.range.start <= LONG || (this.long.push(e), false)).sort((a, b) => a.range.start - b.range.start);
    this.reach = this.short.reduce((max, e) => Math.max(max, e.range.end - e.range.start), 0);
  }

  /** The items overlapping `range` (as `overlaps` decides), in the order they were given. */
  overlapping(range: OffsetRange): T[] {
    const found: { item: T; order: number }[] = [];
    let low = 0;
    let high = this.short.length;
    const from = range.start - this.reach;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.short[middle].range.start < from) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.short.length && this.short[i].range.start <= range.end; i++) if (overlaps(this.short[i].range, range)) found.push(this.short[i]);
    for (const entry of this.long) if (overlaps(entry.range, range)) found.push(entry);
    return found.sort((a, b) => a.order - b.order).map((e) => e.item);
  }
}
