import { contains, type OffsetRange } from '../base/range';
import type { Mm2Facts, Setting } from '../formats/facts';
import { lookupProperty, type PropertyLookup } from '../mm2/catalog';

/** What sits at an offset of an MM2 file, for hover, definition and rename. */
export type Located =
  | { kind: 'alias'; alias: string; range: OffsetRange; isDeclaration: boolean }
  | { kind: 'key'; setting: Setting; range: OffsetRange; lookup: PropertyLookup | undefined }
  | { kind: 'value'; setting: Setting; range: OffsetRange };

export function locate(mm2: Mm2Facts, offset: number): Located | undefined {
  const alias = mm2.aliasOccurrences.find((o) => o.range.end > o.range.start && contains(o.range, offset));
  if (alias) return { kind: 'alias', alias: alias.alias, range: alias.range, isDeclaration: alias.isDeclaration };
  for (const setting of mm2.settings) {
    if (contains(setting.keyRange, offset)) return { kind: 'key', setting, range: setting.keyRange, lookup: lookupProperty(setting.shape.property, setting.shape.scope) };
    const { valueRange } = setting;
    if (valueRange.end >= valueRange.start && offset >= valueRange.start && offset <= valueRange.end && offset > setting.keyRange.end) return { kind: 'value', setting, range: valueRange };
  }
  return undefined;
}

/** Aliases must stay valid keys and list items: no separators, whitespace, commas or arrows. */
export function isValidAlias(alias: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(alias);
}
