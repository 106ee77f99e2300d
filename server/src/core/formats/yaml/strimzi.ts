import { isMap, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { ConnectorField, MirrorFact, ResourceFact, StrimziFacts, StrimziVersion } from './strimziTypes';
import { OffsetMap } from '../../base/offsetMap';
import type { OffsetRange } from '../../base/range';
import { lookupProperty, propertyInfo } from '../../mm2/catalog';
import { flowId } from '../../mm2/keys';
import { configFalse } from '../../mm2/lists';
import type { AliasOccurrence, ClusterAlias, ConnectorRole, ConnectorView, EffectiveValue, Flow, Mm2Facts, Setting } from '../facts';
import { documentFacts, factsCache } from './documentFacts';
import { child, field, pairs, scalarText, type FieldFact } from './nodes';

/**
 * Strimzi `KafkaMirrorMaker2` resources (API `kafka.strimzi.io/v1beta2` and `v1`, any number per
 * file): each mirror with a source connector is a flow whose settings are that connector's `config`,
 * with `topicsPattern` & co. written over them as Strimzi does. The resource layout itself is kept
 * as facts for the Strimzi rules.
 */
export type { ConnectorField, FieldFact, MirrorConnectorFact, MirrorFact, ResourceFact, StrimziFacts, StrimziVersion } from './strimziTypes';

export const CONNECTOR_FIELDS: Record<ConnectorRole, ConnectorField> = { source: 'sourceConnector', checkpoint: 'checkpointConnector', heartbeat: 'heartbeatConnector' };

/** Each Strimzi pattern field and the MM2 setting it becomes. */
export const PATTERN_SETTINGS: ReadonlyMap<string, string> = new Map([
  ['topicsPattern', 'topics'],
  ['topicsExcludePattern', 'topics.exclude'],
  ['topicsBlacklistPattern', 'topics.exclude'],
  ['groupsPattern', 'groups'],
  ['groupsExcludePattern', 'groups.exclude'],
  ['groupsBlacklistPattern', 'groups.exclude'],
]);

const KIND = /^\s*kind:\s*["']?KafkaMirrorMaker2["']?\s*(#.*)?$/m;
const API = /^\s*apiVersion:\s*["']?(?:kafka\.strimzi\.io|eventstreams\.ibm\.com)\/(v1|v1beta2|v1alpha1)["']?\s*(#.*)?$/m;

/** Whether a YAML text holds a KafkaMirrorMaker2 resource (cheap check for any `.yaml` file). */
export function declaresKafkaMirrorMaker2(text: string): boolean {
  return KIND.test(text) && API.test(text);
}

const V1_SPEC = new Set(['replicas', 'version', 'image', 'target', 'mirrors', 'resources', 'livenessProbe', 'readinessProbe', 'jvmOptions', 'jmxOptions', 'logging', 'clientRackInitImage', 'rack', 'metricsConfig', 'tracing', 'template', 'externalConfiguration']);
const V1BETA2_ONLY = new Set(['connectCluster', 'clusters']);
const V1_MIRROR = new Set(['source', 'sourceConnector', 'checkpointConnector', 'topicsPattern', 'topicsExcludePattern', 'groupsPattern', 'groupsExcludePattern']);
const V1BETA2_MIRROR_ONLY = new Set(['sourceCluster', 'targetCluster', 'heartbeatConnector', 'topicsBlacklistPattern', 'groupsBlacklistPattern']);

function settingOf(fact: FieldFact, source: string, target: string, property = fact.name, span?: OffsetRange): Setting {
  return {
    key: fact.name,
    value: fact.value,
    keyRange: fact.keyRange,
    valueRange: fact.valueRange,
    span: span ?? { start: fact.keyRange.start, end: fact.valueRange.end },
    keyOffsets: OffsetMap.linear(fact.keyRange.start, fact.name.length + 1),
    valueOffsets: fact.valueRange.end - fact.valueRange.start === fact.value.length ? OffsetMap.linear(fact.valueRange.start, fact.value.length + 1) : OffsetMap.constant(fact.valueRange.start, fact.value.length + 1),
    shape: { scope: 'flow', source, target, sourceSpan: { start: 0, end: 0 }, targetSpan: { start: 0, end: 0 }, property, propertyStart: 0 },
    lookup: lookupProperty(property, 'flow'),
    overridden: false,
  };
}

const fieldMap = (node: unknown): Map<string, FieldFact> => new Map(pairs(node).map(field).filter((f): f is FieldFact => f !== undefined).map((f) => [f.name, f]));
const asMap = (node: unknown): YAMLMap | undefined => (isMap(node) ? (node as YAMLMap) : undefined);

export interface StrimziRead {
  mm2: Mm2Facts;
  /** Where each setting is written, for the writer. */
  pairsOf: Map<Setting, Pair>;
}

/** What one YAML document holds of KafkaMirrorMaker2 resources; readStrimzi joins the documents'. */
interface DocumentRead {
  resource?: ResourceFact;
  unsupported?: StrimziFacts['unsupported'][number];
  /** Cluster aliases with their bootstrap servers, in the order written (the first of an alias counts). */
  declared: { alias: FieldFact; servers?: FieldFact }[];
  settings: Setting[];
  flows: Flow[];
  aliasOccurrences: AliasOccurrence[];
  pairsOf: Map<Setting, Pair>;
  byKey: Map<string, Setting>;
}

const READS = factsCache<DocumentRead | undefined>();

/** Reads the KafkaMirrorMaker2 resources of a file's YAML documents. Never throws. */
export function readStrimzi(documents: Document.Parsed[]): StrimziRead | undefined {
  const resources: ResourceFact[] = [];
  const clusterRanges = new Map<string, ClusterAlias>();
  const bootstrap = new Map<string, string>();
  const settings: Setting[] = [];
  const flows: Flow[] = [];
  const aliasOccurrences: AliasOccurrence[] = [];
  const pairsOf = new Map<Setting, Pair>();
  const byKey = new Map<string, Setting>();
  const unsupported: StrimziFacts['unsupported'] = [];

  for (const document of documents) {
    const read = documentFacts(READS, document, readDocument);
    if (!read) continue;
    if (read.unsupported) unsupported.push(read.unsupported);
    if (!read.resource) continue;
    resources.push(read.resource);
    for (const { alias, servers } of read.declared) {
      if (!clusterRanges.has(alias.value)) clusterRanges.set(alias.value, { alias: alias.value, range: alias.valueRange });
      if (servers && !bootstrap.has(alias.value)) bootstrap.set(alias.value, servers.value);
    }
    settings.push(...read.settings);
    flows.push(...read.flows);
    aliasOccurrences.push(...read.aliasOccurrences);
    for (const [setting, pair] of read.pairsOf) pairsOf.set(setting, pair);
    for (const [key, setting] of read.byKey) byKey.set(key, setting);
  }
  if (resources.length === 0 && unsupported.length === 0) return undefined;

  const flowById = new Map(flows.map((f) => [f.id, f]));
  const effective = (flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue =>
    flowById.get(flowId(flow.source, flow.target))?.connectors.source?.value(property) ?? { value: propertyInfo(property)?.defaultValue, origin: 'default' };
  const mm2: Mm2Facts = {
    mode: 'strimzi',
    clusters: [...clusterRanges.values()],
    settings,
    byKey,
    flows,
    aliasOccurrences,
    bootstrapServers: (alias) => bootstrap.get(alias),
    keyPrefix: () => '',
    effective,
    strimzi: { resources, unsupported },
    kafkaVersion: new Set(resources.map((r) => r.kafkaVersion)).size === 1 ? resources[0].kafkaVersion : undefined,
  };
  return { mm2, pairsOf };
}

/** One document's KafkaMirrorMaker2 resource, or undefined when it holds none. */
function readDocument(document: Document.Parsed): DocumentRead | undefined {
  const settings: Setting[] = [];
  const flows: Flow[] = [];
  const aliasOccurrences: AliasOccurrence[] = [];
  const pairsOf = new Map<Setting, Pair>();
  const byKey = new Map<string, Setting>();
  const declared: DocumentRead['declared'] = [];
  const root = document.contents;
  const apiVersion = String(child(root, 'apiVersion').fact?.value ?? '');
  const kind = child(root, 'kind').fact;
  // IBM Event Streams ships Strimzi's KafkaMirrorMaker2 under its own API group, same layout.
  const api = /^(kafka\.strimzi\.io|eventstreams\.ibm\.com)\/(v1|v1beta2|v1alpha1)$/.exec(apiVersion);
  if (kind?.value !== 'KafkaMirrorMaker2' || !api) return undefined;
  if (api[2] === 'v1alpha1') return { unsupported: { apiVersion, range: child(root, 'apiVersion').fact!.valueRange }, declared, settings, flows, aliasOccurrences, pairsOf, byKey };
  const version = api[2] as StrimziVersion;
  const spec = child(root, 'spec').pair?.value;
  const metadata = child(root, 'metadata').pair?.value;
  const resource: ResourceFact = {
    version,
    group: api[1],
    document,
    name: child(metadata, 'name').fact?.value,
    namespace: child(metadata, 'namespace').fact?.value,
    kindRange: kind.valueRange,
    connectCluster: child(spec, 'connectCluster').fact,
    kafkaVersion: scalarText(child(spec, 'version').pair?.value),
    clusters: [],
    mirrorSources: [],
    mirrors: [],
    fields: [],
  };
  for (const pair of pairs(spec)) {
    const fact = field(pair);
    if (fact && version === 'v1' && (V1BETA2_ONLY.has(fact.name) || !V1_SPEC.has(fact.name))) resource.fields.push(fact);
  }
  const occurs = (fact: FieldFact | undefined, isDeclaration: boolean): void => {
    if (fact) aliasOccurrences.push({ alias: fact.value, range: fact.valueRange, isDeclaration });
  };
  occurs(resource.connectCluster, false);
  const clustersNode = child(spec, 'clusters').pair?.value;
  for (const item of isSeq(clustersNode) ? clustersNode.items : []) {
    const alias = child(item, 'alias').fact;
    if (!alias) continue;
    const config = fieldMap(child(item, 'config').pair?.value);
    resource.clusters.push({ alias, bootstrapServers: child(item, 'bootstrapServers').fact, config });
    occurs(alias, true);
    if (alias.value === resource.connectCluster?.value) resource.connectConfig = config;
  }
  const targetNode = child(spec, 'target').pair?.value;
  if (targetNode) {
    resource.target = {
      alias: child(targetNode, 'alias').fact,
      bootstrapServers: child(targetNode, 'bootstrapServers').fact,
      groupId: child(targetNode, 'groupId').fact,
      storageTopics: ['configStorageTopic', 'offsetStorageTopic', 'statusStorageTopic'].map((k) => child(targetNode, k).fact).filter((f): f is FieldFact => f !== undefined),
      config: fieldMap(child(targetNode, 'config').pair?.value),
    };
    occurs(resource.target.alias, true);
  }
  const declare = (alias: FieldFact | undefined, servers: FieldFact | undefined): void => {
    if (alias) declared.push({ alias, servers });
  };
  for (const cluster of resource.clusters) declare(cluster.alias, cluster.bootstrapServers);
  declare(resource.target?.alias, resource.target?.bootstrapServers);

  const mirrorsNode = child(spec, 'mirrors').pair?.value;
  for (const item of isSeq(mirrorsNode) ? mirrorsNode.items : []) {
    const mirrorNode = asMap(item);
    if (!mirrorNode) continue;
    const sourceNode = child(item, 'source').pair?.value;
    const mirror: MirrorFact = {
      source: sourceNode ? child(sourceNode, 'alias').fact : child(item, 'sourceCluster').fact,
      target: child(item, 'targetCluster').fact ?? resource.target?.alias,
      node: mirrorNode,
      connectors: {},
      patterns: new Map(),
      patternSettings: new Map(),
    };
    if (sourceNode) {
      declare(mirror.source, child(sourceNode, 'bootstrapServers').fact);
      // v1: the source cluster is written in the mirror, with its own client config.
      if (mirror.source) resource.mirrorSources.push({ alias: mirror.source, config: fieldMap(child(sourceNode, 'config').pair?.value) });
      occurs(mirror.source, true);
    } else {
      occurs(mirror.source, false);
      occurs(child(item, 'targetCluster').fact, false);
    }
    const source = mirror.source?.value ?? '';
    const target = mirror.target?.value ?? '';
    const id = flowId(source, target);
    for (const pair of pairs(item)) {
      const fact = field(pair);
      if (!fact) continue;
      if (version === 'v1' && (V1BETA2_MIRROR_ONLY.has(fact.name) || !V1_MIRROR.has(fact.name))) resource.fields.push(fact);
      const property = PATTERN_SETTINGS.get(fact.name);
      if (!property) continue;
      mirror.patterns.set(fact.name, fact);
      const setting = settingOf(fact, source, target, property);
      pairsOf.set(setting, pair);
      settings.push(setting);
      // The deprecated field counts only when its replacement is absent.
      if (!fact.name.includes('Blacklist') || !pairs(item).some((p) => field(p)?.name === fact.name.replace('Blacklist', 'Exclude'))) mirror.patternSettings.set(property, setting);
    }
    for (const role of ['source', 'checkpoint', 'heartbeat'] as const) {
      const name = CONNECTOR_FIELDS[role];
      const connectorPair = child(item, name).pair;
      const key = connectorPair && field(connectorPair);
      if (!connectorPair || !key) continue;
      const configPair = child(connectorPair.value, 'config').pair;
      const config = new Map<string, Setting>();
      for (const pair of pairs(configPair?.value)) {
        const fact = field(pair);
        if (!fact) continue;
        const setting = settingOf(fact, source, target);
        pairsOf.set(setting, pair);
        const previous = config.get(fact.name);
        if (previous) Object.assign(previous, { overridden: true, overriddenBy: setting });
        config.set(fact.name, setting);
        settings.push(setting);
      }
      mirror.connectors[name] = { key, node: asMap(connectorPair.value), config, configNode: asMap(configPair?.value) };
    }
    const sourceConnector = mirror.connectors.sourceConnector;
    if (mirror.source && mirror.target && sourceConnector) {
      // Strimzi writes the pattern fields last, over the connector config (KafkaMirrorMaker2Connectors).
      const valueFor = (config: Map<string, Setting> | undefined) => (property: string): EffectiveValue => {
        const setting = mirror.patternSettings.get(property) ?? config?.get(property);
        if (setting) return { value: setting.value, origin: 'flow', setting };
        return { value: propertyInfo(property)?.defaultValue, origin: 'default' };
      };
      const anchor = settingOf(sourceConnector.key, source, target);
      const connectors: Flow['connectors'] = {};
      for (const role of ['source', 'checkpoint', 'heartbeat'] as const) {
        const connector = mirror.connectors[CONNECTOR_FIELDS[role]];
        if (connector) connectors[role] = { role, value: valueFor(connector.config), anchor: settingOf(connector.key, source, target) } satisfies ConnectorView;
      }
      // The source connector's own `enabled` (MirrorConnectorConfig, default true) can switch replication off.
      const switchedOff = configFalse(sourceConnector.config.get('enabled')?.value);
      const where = `mirror ${source} → ${target} of ${resource.name ?? 'a KafkaMirrorMaker2'}`;
      const state = child(sourceConnector.node, 'state').fact?.value ?? (child(sourceConnector.node, 'pause').fact?.value === 'true' ? 'paused' : undefined);
      const dormant = state === 'paused' || state === 'stopped' ? state : undefined;
      mirror.flow = { id, source, target, kafkaVersion: resource.kafkaVersion, dormant, enabled: !switchedOff, enabledReason: switchedOff ? `\`enabled: false\` in the source connector of ${where}` : where, enabledBy: switchedOff ? undefined : anchor, connectors };
      flows.push(mirror.flow);
      for (const [property, setting] of [...sourceConnector.config, ...mirror.patternSettings]) byKey.set(`${id}.${property}`, setting);
    }
    resource.mirrors.push(mirror);
  }
  return { resource, declared, settings, flows, aliasOccurrences, pairsOf, byKey };
}
