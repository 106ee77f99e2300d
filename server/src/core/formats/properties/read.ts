import { lookupProperty, propertyInfo } from '../../mm2/catalog';
import { flowId, parseKey, scopePrefix } from '../../mm2/keys';
import { configTrue, parsesTrue, splitList } from '../../mm2/lists';
import type { AliasOccurrence, ClusterAlias, ConnectorView, EffectiveValue, FileFacts, Flow, Mm2Facts, Setting } from '../facts';
import { lineBreakOf } from '../text';
import { parseProperties, type PropertyEntry } from './parse';
import { propertiesWriter } from './write';

/** The range of key characters `from`..`to` (decoded indexes) in the source. */
const keySpan = (setting: Setting, from: number, to: number) => ({ start: setting.keyOffsets.at(from), end: setting.keyOffsets.at(to - 1) + 1 });

function settingOf(entry: PropertyEntry, aliases: ReadonlySet<string>): Setting {
  const shape = parseKey(entry.key, aliases);
  return {
    key: entry.key,
    value: entry.value,
    keyRange: entry.keyRange,
    valueRange: entry.valueRange,
    span: entry.lineRange,
    keyOffsets: entry.keyOffsets,
    valueOffsets: entry.valueOffsets,
    shape,
    lookup: lookupProperty(shape.property, shape.scope),
    overridden: false,
  };
}

/** Every place an alias is written: in `clusters` and as the prefix of cluster and flow keys. */
function aliasOccurrencesOf(clusters: ClusterAlias[], settings: Setting[]): AliasOccurrence[] {
  const found: AliasOccurrence[] = clusters.map((c) => ({ alias: c.alias, range: c.range, isDeclaration: true }));
  for (const setting of settings) {
    const { shape } = setting;
    if (shape.scope === 'cluster') found.push({ alias: shape.alias, range: keySpan(setting, shape.aliasSpan.start, shape.aliasSpan.end), isDeclaration: false });
    if (shape.scope === 'flow') {
      found.push({ alias: shape.source, range: keySpan(setting, shape.sourceSpan.start, shape.sourceSpan.end), isDeclaration: false });
      if (shape.targetSpan.end > shape.targetSpan.start) found.push({ alias: shape.target, range: keySpan(setting, shape.targetSpan.start, shape.targetSpan.end), isDeclaration: false });
    }
  }
  return found;
}

/** A dedicated-mode MM2 configuration as MirrorMakerConfig reads it. */
export function readMm2Properties(text: string): { mm2: Mm2Facts; comments: FileFacts['comments']; problems: FileFacts['problems'] } {
  const document = parseProperties(text);
  const rawClusters = [...document.entries].reverse().find((e) => e.key === 'clusters');
  const clusters: ClusterAlias[] = rawClusters
    ? splitList(rawClusters.value, rawClusters.valueOffsets)
        .filter((c) => c.item !== '')
        .map((c) => ({ alias: c.item, range: c.range ?? rawClusters.valueRange }))
    : [];
  const aliases = new Set(clusters.map((c) => c.alias));

  const byKey = new Map<string, Setting>();
  const settings = document.entries.map((entry) => settingOf(entry, aliases));
  for (const setting of settings) {
    const previous = byKey.get(setting.key);
    if (previous) Object.assign(previous, { overridden: true, overriddenBy: setting });
    byKey.set(setting.key, setting);
  }

  // Flow-scoped settings grouped by flow once, so that resolving a setting for each of thousands of
  // flows is two map lookups instead of building a key string per flow and property.
  const byFlow = new Map<string, Map<string, Setting>>();
  for (const setting of byKey.values()) {
    const { shape } = setting;
    if (shape.scope !== 'flow') continue;
    const id = flowId(shape.source, shape.target);
    let flowSettings = byFlow.get(id);
    if (!flowSettings) byFlow.set(id, (flowSettings = new Map()));
    flowSettings.set(shape.property, setting);
  }
  const effective = (flow: Pick<Flow, 'source' | 'target'> & { id?: string }, property: string): EffectiveValue => {
    const atFlow = byFlow.get(flow.id ?? flowId(flow.source, flow.target))?.get(property);
    if (atFlow) return { value: atFlow.value, origin: 'flow', setting: atFlow };
    const atTop = byKey.get(property);
    if (atTop && atTop.shape.scope === 'top') return { value: atTop.value, origin: 'top', setting: atTop };
    // MirrorMakerConfig fills in `enabled = false` for every pair that does not set it.
    const fallback = property === 'enabled' ? 'false' : propertyInfo(property)?.defaultValue;
    return { value: fallback, origin: 'default' };
  };

  const uniqueAliases = [...aliases];
  const flows: Flow[] = [];
  const topHeartbeats = byKey.get('emit.heartbeats.enabled');
  // clusterPairs reads these with Boolean.parseBoolean: `true ` (a trailing blank) is false there.
  const globalHeartbeats = topHeartbeats ? parsesTrue(topHeartbeats.value) : true;
  for (const source of uniqueAliases) {
    for (const target of uniqueAliases) {
      if (source === target) continue;
      const id = flowId(source, target);
      const pairEnabled = byKey.get(`${id}.enabled`);
      const pairHeartbeats = byKey.get(`${id}.emit.heartbeats.enabled`);
      const heartbeats = pairHeartbeats ? parsesTrue(pairHeartbeats.value) : globalHeartbeats;
      // MirrorMakerConfig.clusterPairs: a herder exists when the pair is enabled or emits heartbeats;
      // its connectors then replicate when the resolved `enabled` is true.
      const herder = parsesTrue(pairEnabled?.value) || heartbeats;
      const resolved = effective({ source, target }, 'enabled');
      const enabled = herder && configTrue(resolved.value);
      let enabledReason: string;
      if (enabled) {
        enabledReason = resolved.origin === 'flow' ? `\`${id}.enabled = true\`` : '`enabled = true` at top level (applies to every pair with heartbeats on)';
      } else if (resolved.origin === 'default') {
        enabledReason = `it has no \`${id}.enabled = true\`, and flows are off by default`;
      } else if (!configTrue(resolved.value)) {
        enabledReason = `\`${resolved.origin === 'flow' ? `${id}.` : ''}enabled = ${resolved.value?.trim()}\``;
      } else {
        enabledReason = `only top-level \`enabled = true\`, and heartbeats are off for this pair so MM2 creates no herder for it`;
      }
      // In dedicated mode every connector of a herder gets the same config (connectorBaseConfig).
      const view = (role: ConnectorView['role']): ConnectorView => ({ role, value: (property) => effective({ source, target }, property), anchor: resolved.setting });
      const connectors: Flow['connectors'] = {};
      if (herder) connectors.heartbeat = view('heartbeat');
      if (enabled) {
        connectors.source = view('source');
        connectors.checkpoint = view('checkpoint');
      }
      flows.push({ id, source, target, enabled, enabledReason, enabledBy: enabled ? resolved.setting : undefined, connectors });
    }
  }

  const mm2: Mm2Facts = {
    mode: 'dedicated',
    clusters,
    clustersSetting: rawClusters ? byKey.get('clusters') : undefined,
    settings,
    byKey,
    flows,
    aliasOccurrences: aliasOccurrencesOf(clusters, settings),
    bootstrapServers: (alias) => (byKey.get(`${alias}.bootstrap.servers`) ?? byKey.get('bootstrap.servers'))?.value,
    keyPrefix: scopePrefix,
    effective,
  };
  return { mm2, comments: document.comments.map((c) => c.range), problems: document.problems };
}

/** Reads a dedicated-mode MM2 properties file. Never throws. */
export function readPropertiesFile(uri: string, text: string): FileFacts {
  const { mm2, comments, problems } = readMm2Properties(text);
  const lineBreak = lineBreakOf(text);
  return { uri, text, syntax: 'properties', kind: 'mm2-properties', lineBreak, problems, comments, mm2, writer: propertiesWriter(text, mm2, lineBreak) };
}
