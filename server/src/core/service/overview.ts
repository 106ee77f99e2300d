import type { PropertiesAnalysis } from '../lint/engine';
import { topologyMermaid } from './diagram';
import type { DeclaredWorkspace } from '../model/declared';
import type { ConfigEntry } from '../model/config';
import { arrivalPath, flowProducts } from './preview';
import type { Severity } from '../lint/types';
import type { OffsetRange } from '../base/range';
import type { Topology } from '../model/topology';
import type { Arrival } from '../model/replay';

/**
 * The workspace's topology as plain data for an editor's tree and diagram: deployments → clusters
 * (local topics, remote topics with origin and path, consumer groups) and flows, each with where it
 * is declared and the problems reported there. Editor-neutral: the LSP layer turns offsets into
 * positions.
 */
export interface OverviewLocation {
  uri: string;
  range: OffsetRange;
}

export interface OverviewProblem {
  rule: string;
  severity: Severity;
  message: string;
}

interface Item {
  location?: OverviewLocation;
  problems: OverviewProblem[];
}

export interface OverviewTopic extends Item {
  name: string;
  remote: boolean;
  /** Remote topics: the cluster and topic they copy, and the clusters they passed through. */
  origin?: string;
  originTopic?: string;
  path?: string[];
}

export interface OverviewGroup extends Item {
  group: string;
  subscription: string;
}

export interface OverviewCluster extends Item {
  alias: string;
  bootstrapServers?: string;
  localTopics: OverviewTopic[];
  remoteTopics: OverviewTopic[];
  groups: OverviewGroup[];
}

export interface OverviewFlow extends Item {
  id: string;
  source: string;
  target: string;
  enabled: boolean;
  enabledReason: string;
  policy: string;
  topics: string[];
  topicsExclude: string[];
  produces: string[];
  loop: boolean;
}

export interface OverviewDeployment {
  name: string;
  clusters: OverviewCluster[];
  flows: OverviewFlow[];
  mermaid: string;
}

const overlaps = (a: OffsetRange, b: OffsetRange): boolean => a.start <= b.end && b.start <= a.end;

function commonFolder(uris: string[]): string {
  const parts = uris.map((u) => u.replace(/\\/g, '/').split('/').slice(0, -1));
  const first = parts[0] ?? [];
  let length = first.length;
  for (const other of parts) while (length > 0 && other.slice(0, length).join('/') !== first.slice(0, length).join('/')) length--;
  return decodeURIComponent(first.slice(0, length).pop() ?? '') || 'workspace';
}

export function topologyOverview(analyses: Map<string, PropertiesAnalysis>): OverviewDeployment[] {
  const problemsAt = (location: OverviewLocation | undefined): OverviewProblem[] =>
    location
      ? (analyses.get(location.uri)?.findings ?? []).filter((f) => overlaps(f.range, location.range)).map((f) => ({ rule: f.ruleId, severity: f.severity, message: f.message }))
      : [];
  const at = (uri: string, range: OffsetRange | undefined): OverviewLocation | undefined => (range ? { uri, range } : undefined);
  const item = (location: OverviewLocation | undefined): Item => ({ location, problems: problemsAt(location) });

  const topologies = new Map<Topology, DeclaredWorkspace | undefined>();
  for (const analysis of analyses.values()) {
    if (analysis.config.clusters.length > 0 && !topologies.has(analysis.topology)) topologies.set(analysis.topology, undefined);
    for (const declared of analysis.declared) topologies.set(declared.topology, declared);
  }

  return [...topologies].map(([topology, declared]) => {
    const clusters = new Map<string, OverviewCluster>();
    const clusterOf = (alias: string): OverviewCluster => {
      let cluster = clusters.get(alias);
      if (!cluster) clusters.set(alias, (cluster = { alias, localTopics: [], remoteTopics: [], groups: [], problems: [] }));
      return cluster;
    };
    for (const { uri, config } of topology.configs) {
      for (const { alias, range } of config.clusters) {
        const cluster = clusterOf(alias);
        if (!cluster.location) Object.assign(cluster, item(at(uri, range)));
        cluster.bootstrapServers ??= config.bootstrapServers(alias);
      }
    }
    for (const [alias, declaredCluster] of declared?.clusters ?? []) {
      const cluster = clusterOf(alias);
      for (const topic of declaredCluster.topics) cluster.localTopics.push({ name: topic.decl.name, remote: false, ...item(at(topic.uri, topic.decl.nameRange)) });
      for (const consumer of declaredCluster.consumers) {
        const { decl } = consumer;
        const subscription = decl.pattern ? `pattern ${decl.pattern.value}` : [...(decl.topics ?? []).map((t) => t.value), ...(decl.prefixes ?? []).map((p) => `${p.value}*`)].join(', ');
        cluster.groups.push({ group: decl.group, subscription: `${subscription}${decl.localOnly ? ' (local only)' : ''}`, ...item(at(consumer.uri, decl.groupRange)) });
      }
    }
    // Clusters without declarations show the topics their flows name.
    for (const [alias, names] of topology.simulation.seeds) {
      const cluster = clusterOf(alias);
      if (cluster.localTopics.length === 0) for (const name of names) cluster.localTopics.push({ name, remote: false, problems: [] });
    }
    const remoteSeen = new Set<string>();
    const addRemote = (arrival: Arrival): void => {
      const key = `${arrival.cluster}\u0000${arrival.name}`;
      if (remoteSeen.has(key)) return;
      remoteSeen.add(key);
      const model = arrival.via!;
      const entry: ConfigEntry | undefined = model.topicsEntry ?? model.enabledEntry;
      clusterOf(arrival.cluster).remoteTopics.push({
        name: arrival.name,
        remote: true,
        origin: arrival.origin,
        originTopic: arrival.originTopic,
        path: arrivalPath(arrival),
        ...item(at(model.uri, entry?.entry.valueRange)),
      });
    };
    for (const arrival of declared?.arrivals ?? []) addRemote(arrival);
    for (const arrival of topology.simulation.arrivals) addRemote(arrival);

    const looping = new Set(topology.simulation.cycles.flatMap((c) => c.models.map((m) => m.flow.id)));
    const models = new Map(topology.models.map((m) => [`${m.uri}\u0000${m.flow.id}`, m]));
    const flows: OverviewFlow[] = [];
    for (const { uri, config } of topology.configs) {
      for (const flow of config.flows) {
        if (flow.source === flow.target) continue;
        const model = models.get(`${uri}\u0000${flow.id}`);
        const entry = flow.enabledBy ?? config.entries.find((e) => e.shape.scope === 'flow' && e.shape.source === flow.source && e.shape.target === flow.target);
        const topics = model?.topics ?? [];
        flows.push({
          id: flow.id,
          source: flow.source,
          target: flow.target,
          enabled: flow.enabled,
          enabledReason: flow.enabledReason,
          policy: model?.policy.className ?? '',
          topics,
          topicsExclude: model?.topicsExclude ?? [],
          produces: model && !model.filterProblem ? flowProducts(model) : [],
          loop: looping.has(flow.id),
          ...item(at(uri, entry?.entry.keyRange)),
        });
      }
    }
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    for (const cluster of clusters.values()) {
      cluster.localTopics.sort(byName);
      cluster.remoteTopics.sort(byName);
    }
    const uris = [...topology.configs.map((c) => c.uri), ...[...(declared?.clusters.values() ?? [])].flatMap((c) => c.sections.map((s) => s.uri))];
    return {
      name: commonFolder(uris),
      clusters: [...clusters.values()].sort((a, b) => a.alias.localeCompare(b.alias)),
      flows,
      mermaid: topologyMermaid(topology, [...(declared?.clusters.keys() ?? [])]),
    };
  });
}
