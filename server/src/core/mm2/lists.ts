import type { OffsetMap } from '../base/offsetMap';
import type { OffsetRange } from '../base/range';

/** Splits a Kafka LIST value the way ConfigDef does: trim, then split on commas with surrounding whitespace. */
export function splitList(value: string, offsets?: OffsetMap): { item: string; range?: OffsetRange }[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  const lead = value.length - value.trimStart().length;
  const items: { item: string; range?: OffsetRange }[] = [];
  const re = /\s*,\s*/g;
  let last = 0;
  let match: RegExpExecArray | null;
  const push = (from: number, to: number): void => {
    const start = lead + from;
    const end = lead + to;
    items.push({ item: trimmed.slice(from, to), range: offsets ? { start: offsets.at(start), end: end > start ? offsets.at(end - 1) + 1 : offsets.at(start) } : undefined });
  };
  while ((match = re.exec(trimmed)) !== null) {
    push(last, match.index);
    last = match.index + match[0].length;
  }
  push(last, trimmed.length);
  return items;
}

/** A boolean as `Boolean.parseBoolean` reads it (MirrorMakerConfig.clusterPairs): only `true`, any case, no blanks. */
export const parsesTrue = (value: string | undefined): boolean => value !== undefined && value.toLowerCase() === 'true';

/** A boolean as ConfigDef reads it: trimmed, case-insensitive. */
export const configTrue = (value: string | undefined): boolean => value !== undefined && value.trim().toLowerCase() === 'true';
export const configFalse = (value: string | undefined): boolean => value !== undefined && value.trim().toLowerCase() === 'false';
