import { isSeq, parseAllDocuments, type Document } from 'yaml';
import { child, field, pairs, yamlProblems, type FieldFact } from './nodes';
import { flowSetting, settingOrDefault } from '../flowSettings';
import type { ClusterAlias, ConfigEntry, EffectiveValue, Flow, Mm2Config } from '../../model/config';
import { flowId } from '../../mm2/keys';
import { OffsetMap, type PropertiesDocument, type PropertyEntry } from '../properties/parse';
import type { OffsetRange } from '../../base/range';

/**
 * Strimzi `KafkaMirrorMaker2` resources (API `kafka.strimzi.io/v1beta2` and `v1`, any number per
 * file) read into the same model as a dedicated-mode file: each mirror is a flow whose settings are
 * its source connector's `config`, with `topicsPattern` & co. written over them as Strimzi does.
 * The resource layout itself is kept as facts for the Strimzi rules.
 */
export type StrimziVersion = 'v1' | 'v1beta2';
export type { FieldFact };
export type ConnectorRole = 'sourceConnector' | 'checkpointConnector' | 'heartbeatConnector';

export interface MirrorFact {
  source?: FieldFact;
  target?: FieldFact;
  connectors: Partial<Record<ConnectorRole, { key: FieldFact; config: Map<string, ConfigEntry> }>>;
  /** topicsPattern, topicsExcludePattern, groupsPattern, groupsExcludePattern and the deprecated *BlacklistPattern. */
  patterns: Map<string, FieldFact>;
  flow?: Flow;
}

export interface ResourceFact {
  version: StrimziVersion;
  /** The YAML document of the resource, for schema validation. */
  document: Document.Parsed;
  name?: string;
  kindRange: OffsetRange;
  connectCluster?: FieldFact;
  clusters: { alias: FieldFact; bootstrapServers?: FieldFact }[];
  target?: { alias?: FieldFact; bootstrapServers?: FieldFact; groupId?: FieldFact; storageTopics: FieldFact[] };
  /** v1beta2: the Connect worker settings in the connect cluster's `config`. */
  connectConfig?: Map<string, FieldFact>;
  mirrors: MirrorFact[];
  /** Spec fields the resource's API version does not define. */
  fields: FieldFact[];
}

export interface StrimziFacts {
  resources: ResourceFact[];
}

/** Maps each Strimzi pattern field to the MM2 setting it becomes. */
export const PATTERN_SETTINGS: Record<string, string> = {
  topicsPattern: 'topics',
  topicsExcludePattern: 'topics.exclude',
  topicsBlacklistPattern: 'topics.exclude',
  groupsPattern: 'groups',
  groupsExcludePattern: 'groups.exclude',
  groupsBlacklistPattern: 'groups.exclude',
};

const KIND = /^\s*kind:\s*["']?KafkaMirrorMaker2["']?\s*$/m;
const API = /^\s*apiVersion:\s*["']?kafka\.strimzi\.io\/(v1|v1beta2)["']?\s*$/m;

/** Whether a YAML text holds a KafkaMirrorMaker2 resource (cheap check for any `.yaml` file). */
export function declaresKafkaMirrorMaker2(text: string): boolean {
  return KIND.test(text) && API.test(text);
}

const V1_SPEC = new Set(['replicas', 'version', 'image', 'target', 'mirrors', 'resources', 'livenessProbe', 'readinessProbe', 'jvmOptions', 'jmxOptions', 'logging', 'clientRackInitImage', 'rack', 'metricsConfig', 'tracing', 'template', 'externalConfiguration']);
const V1BETA2_ONLY = new Set(['connectCluster', 'clusters']);
const V1_MIRROR = new Set(['source', 'sourceConnector', 'checkpointConnector', 'topicsPattern', 'topicsExcludePattern', 'groupsPattern', 'groupsExcludePattern']);
const V1BETA2_MIRROR_ONLY = new Set(['sourceCluster', 'targetCluster', 'heartbeatConnector', 'topicsBlacklistPattern', 'groupsBlacklistPattern']);

export interface StrimziParse {
  config: Mm2Config;
  facts: StrimziFacts;
  problems: { message: string; range: OffsetRange }[];
}

/** The YAML documents of a text, read once and shared by the Strimzi and declarations readers. */
export function parseYamlDocuments(text: string): { documents: Document.Parsed[]; problem?: string } {
  try {
    return { documents: parseAllDocuments(text, { uniqueKeys: false }) as Document.Parsed[] };
  } catch (error) {
    return { documents: [], problem: `Cannot read this YAML: ${(error as Error).message}` };
  }
}

export function parseStrimziYaml(text: string, parsed = parseYamlDocuments(text)): StrimziParse {
  const problems: StrimziParse['problems'] = [];
  const resources: ResourceFact[] = [];
  const { documents } = parsed;
  if (parsed.problem) problems.push({ message: parsed.problem, range: { start: 0, end: 0 } });
  const clusterRanges = new Map<string, ClusterAlias>();
  const bootstrap = new Map<string, string>();
  const entries: ConfigEntry[] = [];
  const propertyEntries: PropertyEntry[] = [];
  const flows: Flow[] = [];
  const settingsByFlow = new Map<string, Map<string, ConfigEntry>>();

  const entryFor = (fact: FieldFact, source: string, target: string, property = fact.name): ConfigEntry => {
    const entry: PropertyEntry = {
      key: fact.name,
      value: fact.value,
      keyRange: fact.keyRange,
      valueRange: fact.valueRange,
      lineRange: { start: fact.keyRange.start, end: fact.valueRange.end },
      keyOffsets: OffsetMap.linear(fact.keyRange.start, fact.name.length + 1),
      valueOffsets: fact.valueRange.end - fact.valueRange.start === fact.value.length ? OffsetMap.linear(fact.valueRange.start, fact.value.length + 1) : OffsetMap.constant(fact.valueRange.start, fact.value.length + 1),
    };
    return flowSetting(entry, source, target, property);
  };

  for (const document of documents) {
    problems.push(...yamlProblems(document, text));
    const root = document.contents;
    const apiVersion = String(child(root, 'apiVersion').fact?.value ?? '');
    const kind = child(root, 'kind').fact;
    const version = /^kafka\.strimzi\.io\/(v1|v1beta2)$/.exec(apiVersion)?.[1] as StrimziVersion | undefined;
    if (kind?.value !== 'KafkaMirrorMaker2' || !version) continue;
    const spec = child(root, 'spec').pair?.value;
    const resource: ResourceFact = {
      version,
      document,
      name: child(child(root, 'metadata').pair?.value, 'name').fact?.value,
      kindRange: kind.valueRange,
      connectCluster: child(spec, 'connectCluster').fact,
      clusters: [],
      mirrors: [],
      fields: [],
    };
    for (const pair of pairs(spec)) {
      const fact = field(pair);
      if (!fact) continue;
      if (version === 'v1' && (V1BETA2_ONLY.has(fact.name) || !V1_SPEC.has(fact.name))) resource.fields.push(fact);
    }
    const clustersNode = child(spec, 'clusters').pair?.value;
    for (const item of isSeq(clustersNode) ? clustersNode.items : []) {
      const alias = child(item, 'alias').fact;
      if (!alias) continue;
      resource.clusters.push({ alias, bootstrapServers: child(item, 'bootstrapServers').fact });
      if (alias.value === resource.connectCluster?.value) {
        resource.connectConfig = new Map(pairs(child(item, 'config').pair?.value).map(field).filter((f): f is FieldFact => f !== undefined).map((f) => [f.name, f]));
      }
    }
    const targetNode = child(spec, 'target').pair?.value;
    if (targetNode) {
      resource.target = {
        alias: child(targetNode, 'alias').fact,
        bootstrapServers: child(targetNode, 'bootstrapServers').fact,
        groupId: child(targetNode, 'groupId').fact,
        storageTopics: ['configStorageTopic', 'offsetStorageTopic', 'statusStorageTopic'].map((k) => child(targetNode, k).fact).filter((f): f is FieldFact => f !== undefined),
      };
    }
    const declare = (alias: FieldFact | undefined, servers: FieldFact | undefined): void => {
      if (!alias) return;
      if (!clusterRanges.has(alias.value)) clusterRanges.set(alias.value, { alias: alias.value, range: alias.valueRange });
      if (servers && !bootstrap.has(alias.value)) bootstrap.set(alias.value, servers.value);
    };
    for (const cluster of resource.clusters) declare(cluster.alias, cluster.bootstrapServers);
    declare(resource.target?.alias, resource.target?.bootstrapServers);

    const mirrorsNode = child(spec, 'mirrors').pair?.value;
    for (const item of isSeq(mirrorsNode) ? mirrorsNode.items : []) {
      const sourceNode = child(item, 'source').pair?.value;
      const mirror: MirrorFact = {
        source: sourceNode ? child(sourceNode, 'alias').fact : child(item, 'sourceCluster').fact,
        target: child(item, 'targetCluster').fact ?? resource.target?.alias,
        connectors: {},
        patterns: new Map(),
      };
      if (sourceNode) declare(mirror.source, child(sourceNode, 'bootstrapServers').fact);
      for (const pair of pairs(item)) {
        const fact = field(pair);
        if (!fact) continue;
        if (version === 'v1' && (V1BETA2_MIRROR_ONLY.has(fact.name) || !V1_MIRROR.has(fact.name))) resource.fields.push(fact);
        if (PATTERN_SETTINGS[fact.name]) mirror.patterns.set(fact.name, fact);
      }
      const source = mirror.source?.value ?? '';
      const target = mirror.target?.value ?? '';
      for (const role of ['sourceConnector', 'checkpointConnector', 'heartbeatConnector'] as const) {
        const connectorPair = child(item, role).pair;
        if (!connectorPair) continue;
        const config = new Map<string, ConfigEntry>();
        for (const pair of pairs(child(connectorPair.value, 'config').pair?.value)) {
          const fact = field(pair);
          if (!fact) continue;
          const configEntry = entryFor(fact, source, target);
          const previous = config.get(fact.name);
          if (previous) Object.assign(previous, { overridden: true, overriddenBy: configEntry });
          config.set(fact.name, configEntry);
          entries.push(configEntry);
          propertyEntries.push(configEntry.entry);
        }
        mirror.connectors[role] = { key: field(connectorPair)!, config };
      }
      // Pattern fields are regex lists like `topics`: give them to the same checks.
      for (const [name, fact] of mirror.patterns) {
        const configEntry = entryFor(fact, source, target, PATTERN_SETTINGS[name]);
        entries.push(configEntry);
        propertyEntries.push(configEntry.entry);
      }
      if (mirror.source && mirror.target && mirror.connectors.sourceConnector) {
        const id = flowId(source, target);
        const settings = new Map(mirror.connectors.sourceConnector.config);
        // Strimzi writes the pattern fields last, over the connector config (KafkaMirrorMaker2Connectors).
        for (const [name, fact] of mirror.patterns) {
          const setting = PATTERN_SETTINGS[name];
          if (name.includes('Blacklist') && mirror.patterns.has(name.replace('Blacklist', 'Exclude'))) continue;
          settings.set(setting, entries.find((e) => e.entry.keyRange.start === fact.keyRange.start)!);
        }
        settingsByFlow.set(id, settings);
        const anchor = entryFor(mirror.connectors.sourceConnector.key, source, target);
        mirror.flow = { id, source, target, enabled: true, enabledReason: `mirror ${source} → ${target} of ${resource.name ?? 'a KafkaMirrorMaker2'}`, enabledBy: anchor };
        flows.push(mirror.flow);
      }
      resource.mirrors.push(mirror);
    }
    resources.push(resource);
  }

  const effective = (flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue =>
    settingOrDefault(settingsByFlow.get(flowId(flow.source, flow.target)), property);
  const byKey = new Map<string, ConfigEntry>();
  const document: PropertiesDocument = { text, entries: propertyEntries, comments: [], problems };
  const config: Mm2Config = {
    document,
    clusters: [...clusterRanges.values()],
    entries,
    flows,
    byKey,
    lineBreak: /\r\n/.test(text) ? '\r\n' : '\n',
    format: 'strimzi-yaml',
    bootstrapServers: (alias) => bootstrap.get(alias),
    keyPrefix: () => '',
    effective,
    strimzi: { resources },
  };
  return { config, facts: { resources }, problems };
}
