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
