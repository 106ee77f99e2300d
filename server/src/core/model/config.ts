import { lookupProperty, propertyInfo, type PropertyLookup } from '../mm2/catalog';
import type { OffsetMap, PropertiesDocument, PropertyEntry } from '../formats/properties/parse';
import type { StrimziFacts } from '../formats/yaml/strimzi';
import type { OffsetRange } from '../base/range';
import { flowId, parseKey, scopePrefix, type KeyShape } from '../mm2/keys';

export interface ClusterAlias {
  alias: string;
  /** Where the alias is written in the `clusters` value. */
  range: OffsetRange;
}

export interface ConfigEntry {
  entry: PropertyEntry;
  shape: KeyShape;
  lookup: PropertyLookup | undefined;
  /** True when a later entry sets the same key, so MM2 never sees this one. */
  overridden: boolean;
  /** The later entry that wins over this one. */
  overriddenBy?: ConfigEntry;
}

/** Where an effective value came from, in MM2's resolution order (flow > top level > default). */
export interface EffectiveValue {
  value: string | undefined;
  origin: 'flow' | 'top' | 'default';
  entry?: ConfigEntry;
}

export interface Flow {
  id: string;
  source: string;
  target: string;
  /** MM2 runs the replication connectors for this pair. */
  enabled: boolean;
  /** Why the flow is (not) enabled, for hovers and messages. */
  enabledReason: string;
  /** The entry that enabled the flow, if any. */
  enabledBy?: ConfigEntry;
}

/** A dedicated-mode MM2 configuration as MirrorMakerConfig reads it. */
export interface Mm2Config {
  document: PropertiesDocument;
  clustersEntry?: ConfigEntry;
  clusters: ClusterAlias[];
  entries: ConfigEntry[];
  flows: Flow[];
  /** The last entry for each key (what java.util.Properties keeps). */
  byKey: Map<string, ConfigEntry>;
  /** The line break the file uses, for inserted lines. */
  lineBreak: string;
  /**
   * The file's syntax. Fixes that insert or delete lines are written in properties syntax, so
   * they are only offered for `properties` files.
   */
  format: 'properties' | 'connect-json' | 'strimzi-yaml';
  /** The resource layout, for Strimzi files. */
  strimzi?: StrimziFacts;
  /** Connect JSON: which Mirror connector the file configures. */
  connector?: 'MirrorSourceConnector' | 'MirrorCheckpointConnector' | 'MirrorHeartbeatConnector';
  /** The bootstrap servers this file gives for a cluster, if any. */
  bootstrapServers(alias: string): string | undefined;
  /** How a key of `shape` is written in this file: `K1->K2.` in properties, nothing in a connector config. */
  keyPrefix(shape: KeyShape): string;
  effective(flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue;
}

/**
 * A setting as MM2 reads it when it has a deprecated name (`topics.blacklist` for `topics.exclude`):
 * the old name counts when the new one is not set (ConfigUtils.translateDeprecatedConfigs).
 */
export function effectiveOrDeprecated(value: (property: string) => EffectiveValue, property: string, deprecated: string): EffectiveValue {
  const current = value(property);
  if (current.origin !== 'default') return current;
  const legacy = value(deprecated);
  return legacy.origin !== 'default' ? legacy : current;
}

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

/** The property-name part of a key (after its alias or flow prefix), in source offsets. */
export function propertyRange(configEntry: ConfigEntry): OffsetRange {
  const { entry, shape } = configEntry;
  const start = shape.scope === 'top' ? entry.keyRange.start : entry.keyOffsets.at(shape.propertyStart);
  return { start, end: entry.keyRange.end };
}

const isJavaTrue = (value: string | undefined): boolean => value !== undefined && value.trim().toLowerCase() === 'true';

export function buildConfig(document: PropertiesDocument): Mm2Config {
  const rawClusters = [...document.entries].reverse().find((e) => e.key === 'clusters');
  const clusters: ClusterAlias[] = rawClusters
    ? splitList(rawClusters.value, rawClusters.valueOffsets)
        .filter((c) => c.item !== '')
        .map((c) => ({ alias: c.item, range: c.range ?? rawClusters.valueRange }))
    : [];
  const aliases = new Set(clusters.map((c) => c.alias));

  const byKey = new Map<string, ConfigEntry>();
  const entries: ConfigEntry[] = document.entries.map((entry) => {
    const shape = parseKey(entry.key, aliases);
    const lookup = lookupProperty(shape.property, shape.scope);
    return { entry, shape, lookup, overridden: false };
  });
  for (const configEntry of entries) {
    const previous = byKey.get(configEntry.entry.key);
    if (previous) Object.assign(previous, { overridden: true, overriddenBy: configEntry });
    byKey.set(configEntry.entry.key, configEntry);
  }

  // Flow-scoped entries grouped by flow once, so that resolving a setting for each of thousands of
  // flows is two map lookups instead of building a key string per flow and property.
  const byFlow = new Map<string, Map<string, ConfigEntry>>();
  for (const configEntry of byKey.values()) {
    const { shape } = configEntry;
    if (shape.scope !== 'flow') continue;
    const id = flowId(shape.source, shape.target);
    let settings = byFlow.get(id);
    if (!settings) byFlow.set(id, (settings = new Map()));
    settings.set(shape.property, configEntry);
  }
  const effective = (flow: Pick<Flow, 'source' | 'target'> & { id?: string }, property: string): EffectiveValue => {
    const atFlow = byFlow.get(flow.id ?? flowId(flow.source, flow.target))?.get(property);
    if (atFlow) return { value: atFlow.entry.value, origin: 'flow', entry: atFlow };
    const atTop = byKey.get(property);
    if (atTop && atTop.shape.scope === 'top') return { value: atTop.entry.value, origin: 'top', entry: atTop };
    const fallback = property === 'enabled' ? 'false' : propertyInfo(property)?.defaultValue;
    return { value: fallback, origin: 'default' };
  };

  const uniqueAliases = [...aliases];
  const flows: Flow[] = [];
  const topHeartbeats = byKey.get('emit.heartbeats.enabled');
  const globalHeartbeats = topHeartbeats ? isJavaTrue(topHeartbeats.entry.value) : true;
  for (const source of uniqueAliases) {
    for (const target of uniqueAliases) {
      if (source === target) continue;
      const id = flowId(source, target);
      const pairEnabled = byKey.get(`${id}.enabled`);
      const pairHeartbeats = byKey.get(`${id}.emit.heartbeats.enabled`);
      const heartbeats = pairHeartbeats ? isJavaTrue(pairHeartbeats.entry.value) : globalHeartbeats;
      // MirrorMakerConfig.clusterPairs: a herder exists when the pair is enabled or emits heartbeats;
      // its connectors then replicate when the resolved `enabled` is true.
      const herder = isJavaTrue(pairEnabled?.entry.value) || heartbeats;
      const resolved = effective({ source, target }, 'enabled');
      const enabled = herder && isJavaTrue(resolved.value);
      let enabledReason: string;
      if (enabled) {
        enabledReason = resolved.origin === 'flow' ? `\`${id}.enabled = true\`` : '`enabled = true` at top level (applies to every pair with heartbeats on)';
      } else if (resolved.origin === 'default') {
        enabledReason = `it has no \`${id}.enabled = true\`, and flows are off by default`;
      } else if (!isJavaTrue(resolved.value)) {
        enabledReason = `\`${resolved.origin === 'flow' ? `${id}.` : ''}enabled = ${resolved.value?.trim()}\``;
      } else {
        enabledReason = `only top-level \`enabled = true\`, and heartbeats are off for this pair so MM2 creates no herder for it`;
      }
      flows.push({ id, source, target, enabled, enabledReason, enabledBy: enabled ? resolved.entry : undefined });
    }
  }

  return {
    document,
    clustersEntry: rawClusters ? byKey.get('clusters') : undefined,
    clusters,
    entries,
    flows,
    byKey,
    lineBreak: /\r\n/.test(document.text) ? '\r\n' : '\n',
    format: 'properties',
    bootstrapServers: (alias) => (byKey.get(`${alias}.bootstrap.servers`) ?? byKey.get('bootstrap.servers'))?.entry.value,
    keyPrefix: scopePrefix,
    effective,
  };
}
