import { lookupProperty, propertyInfo, type PropertyLookup } from '../mm2/catalog';
import type { ConfigEntry, Mm2Config } from '../model/config';
import { contains, type OffsetRange } from '../base/range';

/** What sits at an offset of a properties file, for hover, definition and rename. */
export type Located =
  | { kind: 'alias'; alias: string; range: OffsetRange; entry?: ConfigEntry }
  | { kind: 'key'; entry: ConfigEntry; range: OffsetRange; lookup: PropertyLookup | undefined }
  | { kind: 'value'; entry: ConfigEntry; range: OffsetRange };

const spanOf = (entry: ConfigEntry, from: number, to: number): OffsetRange => ({
  start: entry.entry.keyOffsets.at(from),
  end: entry.entry.keyOffsets.at(to - 1) + 1,
});

export function locate(config: Mm2Config, offset: number): Located | undefined {
  for (const cluster of config.clusters) {
    if (contains(cluster.range, offset)) return { kind: 'alias', alias: cluster.alias, range: cluster.range, entry: config.clustersEntry };
  }
  for (const configEntry of config.entries) {
    const { entry, shape } = configEntry;
    if (contains(entry.keyRange, offset)) {
      if (shape.scope === 'cluster') {
        const range = spanOf(configEntry, shape.aliasSpan.start, shape.aliasSpan.end);
        if (contains(range, offset)) return { kind: 'alias', alias: shape.alias, range, entry: configEntry };
      }
      // Connector JSON and Strimzi keys carry no alias text (their spans are empty).
      if (shape.scope === 'flow' && shape.sourceSpan.end > shape.sourceSpan.start) {
        const source = spanOf(configEntry, shape.sourceSpan.start, shape.sourceSpan.end);
        if (contains(source, offset)) return { kind: 'alias', alias: shape.source, range: source, entry: configEntry };
        if (shape.targetSpan.end > shape.targetSpan.start) {
          const target = spanOf(configEntry, shape.targetSpan.start, shape.targetSpan.end);
          if (contains(target, offset)) return { kind: 'alias', alias: shape.target, range: target, entry: configEntry };
        }
      }
      return { kind: 'key', entry: configEntry, range: entry.keyRange, lookup: lookupProperty(shape.property, shape.scope) };
    }
    if (entry.valueRange.end >= entry.valueRange.start && offset >= entry.valueRange.start && offset <= entry.valueRange.end && offset > entry.keyRange.end) {
      return { kind: 'value', entry: configEntry, range: entry.valueRange };
    }
  }
  return undefined;
}

/** Every place an alias is written: in `clusters` and as the prefix of cluster and flow keys. */
export function aliasOccurrences(config: Mm2Config, alias: string): { range: OffsetRange; isDeclaration: boolean }[] {
  const found: { range: OffsetRange; isDeclaration: boolean }[] = [];
  for (const cluster of config.clusters) if (cluster.alias === alias) found.push({ range: cluster.range, isDeclaration: true });
  for (const configEntry of config.entries) {
    const { shape } = configEntry;
    if (shape.scope === 'cluster' && shape.alias === alias) found.push({ range: spanOf(configEntry, shape.aliasSpan.start, shape.aliasSpan.end), isDeclaration: false });
    if (shape.scope === 'flow' && shape.sourceSpan.end > shape.sourceSpan.start) {
      if (shape.source === alias) found.push({ range: spanOf(configEntry, shape.sourceSpan.start, shape.sourceSpan.end), isDeclaration: false });
      if (shape.target === alias && shape.targetSpan.end > shape.targetSpan.start) found.push({ range: spanOf(configEntry, shape.targetSpan.start, shape.targetSpan.end), isDeclaration: false });
    }
  }
  return found;
}

/** Aliases must stay valid keys and list items: no separators, whitespace, commas or arrows. */
export function isValidAlias(alias: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(alias);
}

export { propertyInfo };
