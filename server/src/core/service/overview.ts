import { RangeIndex, type OffsetRange } from '../base/range';
import type { Finding } from '../base/finding';
import type { Setting } from '../formats/facts';
import { sawTopic, type DeclaredWorkspace } from '../model/declared';
import type { Deployment } from '../model/deployments';
import { mm2Topics } from '../model/internalTopics';
import { arrivalPath, type Arrival } from '../model/replay';
import type { TopologyCluster, TopologyDeployment, TopologyFlow, TopologyProblem, TopologyTopic } from '../../../../shared/src/protocol';
import type { WorkspaceAnalysis } from './analysis';
import { topologyMermaid, type DiagramPart } from './diagram';
import { flowProducts } from './preview';

/** A place in a file, in offsets: the LSP layer turns it into positions, the CLI into lines. */
export interface OffsetLocation {
  uri: string;
  range: OffsetRange;
}

export type OverviewDeployment = TopologyDeployment<OffsetLocation>;

function commonFolder(uris: string[]): string {
  const parts = uris.map((u) => u.replace(/\\/g, '/').split('/').slice(0, -1));
  const first = parts[0] ?? [];
  let length = first.length;
  for (const other of parts) while (length > 0 && other.slice(0, length).join('/') !== first.slice(0, length).join('/')) length--;
  return decodeURIComponent(first.slice(0, length).pop() ?? '') || 'workspace';
}

/** The declared workspace bound to each deployment. */
function declaredByDeployment(analysis: WorkspaceAnalysis): Map<Deployment, DeclaredWorkspace> {
  const found = new Map<Deployment, DeclaredWorkspace>();
  for (const uri of analysis.files.keys()) for (const declared of analysis.model.declaredOf(uri)) found.set(declared.deployment, declared);
  return found;
}

/**
 * The workspace's topology as plain data for an editor's tree, its diagram and the CLI's
 * `topology`: deployments → clusters (local topics, their remote copies with origin and path,
 * consumer groups) and flows, each with where it is written and the problems reported there.
 * Topics are those someone named — declared, or written in a `topics` list — never examples.
 */
export function topologyOverview(analysis: WorkspaceAnalysis): OverviewDeployment[] {
  return overviewParts(analysis).map(({ overview }) => overview);
}

/** Each deployment's overview, with what its diagram is drawn from. */
export function overviewParts(analysis: WorkspaceAnalysis): { overview: OverviewDeployment; part: DiagramPart }[] {
  const indexes = new Map<string, RangeIndex<Finding>>();
  const findingsIn = (uri: string): RangeIndex<Finding> => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new RangeIndex(analysis.files.get(uri)?.findings ?? [], (f) => f.range)));
    return index;
  };
  const problemsAt = (location: OffsetLocation | undefined): TopologyProblem[] =>
    location ? findingsIn(location.uri).overlapping(location.range).map((f) => ({ rule: f.ruleId, severity: f.severity, message: f.message })) : [];
  const at = (uri: string, range: OffsetRange | undefined): OffsetLocation | undefined => (range ? { uri, range } : undefined);
  const item = (location: OffsetLocation | undefined) => ({ location, problems: problemsAt(location) });
  const declaredOf = declaredByDeployment(analysis);

  const parts = analysis.model.deployments
    .filter((deployment) => deployment.files.some((f) => f.mm2.clusters.length > 0))
    .map((deployment) => {
      const declared = declaredOf.get(deployment);
      const clusters = new Map<string, TopologyCluster<OffsetLocation>>();
      const clusterOf = (alias: string): TopologyCluster<OffsetLocation> => {
        let cluster = clusters.get(alias);
        if (!cluster) clusters.set(alias, (cluster = { alias, localTopics: [], remoteTopics: [], groups: [], problems: [] }));
        return cluster;
      };
      for (const { uri, mm2 } of deployment.files) {
        for (const { alias, range } of mm2.clusters) {
          const cluster = clusterOf(alias);
          if (!cluster.location) Object.assign(cluster, item(at(uri, range)));
          cluster.bootstrapServers ??= mm2.bootstrapServers(alias);
        }
      }
      for (const [alias, declaredCluster] of declared?.clusters ?? []) {
        const cluster = clusterOf(alias);
        // Once per name, where a live snapshot saw it if one did (a declaration and a snapshot of one cluster list it twice).
        for (const topic of declaredCluster.topicNamed.values()) cluster.localTopics.push({ name: topic.decl.name, remote: false, ...item(at(topic.uri, topic.decl.nameRange)) });
        for (const consumer of declaredCluster.consumers) {
          const { decl } = consumer;
          const subscription = decl.pattern ? `pattern ${decl.pattern.value}` : [...(decl.topics ?? []).map((t) => t.value), ...(decl.prefixes ?? []).map((p) => `${p.value}*`)].join(', ');
          cluster.groups.push({ group: decl.group, subscription: `${subscription}${decl.localOnly ? ' (local only)' : ''}`, ...item(at(consumer.uri, decl.groupRange)) });
        }
      }
      // Clusters nobody declared show the topics their flows name in `topics` lists.
      for (const sample of deployment.replay.samples()) {
        const cluster = clusterOf(sample.cluster);
        if (sample.named && !declared?.clusters.has(sample.cluster) && !cluster.localTopics.some((t) => t.name === sample.name)) cluster.localTopics.push({ name: sample.name, remote: false, problems: [] });
      }
      let truncated = false;
      const remoteSeen = new Set<string>();
      const addRemote = (arrival: Arrival): void => {
        const key = `${arrival.cluster}\u0000${arrival.name}`;
        if (remoteSeen.has(key)) return;
        remoteSeen.add(key);
        const model = arrival.via!;
        const setting: Setting | undefined = model.topicsSetting ?? model.enabledSetting;
        const topic: TopologyTopic<OffsetLocation> = { name: arrival.name, remote: true, origin: arrival.origin, originTopic: arrival.originTopic, path: arrivalPath(arrival), ...item(at(model.uri, setting?.valueRange)) };
        clusterOf(arrival.cluster).remoteTopics.push(topic);
      };
      for (const cluster of [...clusters.values()]) {
        for (const topic of cluster.localTopics) {
          const copies = deployment.replay.copiesOf(cluster.alias, topic.name);
          truncated ||= copies.truncated;
          copies.arrivals.forEach(addRemote);
        }
      }

      // Clusters a live snapshot saw: each remote topic the flows make is there or missing, and what
      // is there that no flow makes is an orphan.
      for (const [alias, declaredCluster] of declared?.clusters ?? []) {
        if (!declaredCluster.observed) continue;
        const cluster = clusterOf(alias);
        const originSeen = (origin: string | undefined) => origin !== undefined && declared?.clusters.get(origin)?.observed !== undefined;
        for (const topic of cluster.remoteTopics) {
          if (sawTopic(declaredCluster, topic.name)) topic.observed = 'present';
          else if (originSeen(topic.origin)) topic.observed = 'missing';
        }
        const expected = new Set(cluster.remoteTopics.map((t) => t.name));
        for (const [name, topic] of declaredCluster.observed.remoteTopics) {
          if (!expected.has(name)) cluster.remoteTopics.push({ name, remote: true, observed: 'orphan', ...item(at(topic.uri, topic.decl.nameRange)) });
        }
      }

      const looping = new Set(deployment.replay.loops().flatMap((c) => c.models.map((m) => m.flow.id)));
      const models = new Map(deployment.flows.map((m) => [`${m.uri}\u0000${m.flow.id}`, m]));
      const flows: TopologyFlow<OffsetLocation>[] = [];
      for (const { uri, mm2 } of deployment.files) {
        for (const flow of mm2.flows) {
          if (flow.source === flow.target) continue;
          const model = models.get(`${uri}\u0000${flow.id}`);
          const setting = flow.enabledBy ?? mm2.settings.find((s) => s.shape.scope === 'flow' && s.shape.source === flow.source && s.shape.target === flow.target);
          flows.push({
            id: flow.id,
            source: flow.source,
            target: flow.target,
            enabled: flow.enabled,
            enabledReason: flow.enabledReason,
            policy: model?.policy.className ?? '',
            separator: model?.policy.separator ?? '',
            ...(model ? { kafkaVersion: { version: model.kafka.version.text, configured: model.kafka.configured } } : {}),
            topics: model?.topics ?? [],
            topicsExclude: model?.topicsExclude ?? [],
            produces: model && !model.topicFilter.problem ? flowProducts(model) : [],
            ...(model?.topicFilter.problem ? { filterProblem: model.topicFilter.problem } : {}),
            loop: looping.has(flow.id),
            ...item(at(uri, setting?.keyRange)),
          });
        }
      }
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      for (const cluster of clusters.values()) {
        cluster.localTopics.sort(byName);
        cluster.remoteTopics.sort(byName);
      }
      const uris = [...deployment.files.map((f) => f.uri), ...[...(declared?.clusters.values() ?? [])].flatMap((c) => c.sections.map((s) => s.uri))];
      const part: DiagramPart = { name: commonFolder(uris), deployment, extraClusters: [...(declared?.clusters.keys() ?? [])] };
      const overview: OverviewDeployment = {
        name: part.name,
        clusters: [...clusters.values()].sort((a, b) => a.alias.localeCompare(b.alias)),
        flows,
        mm2Topics: [...mm2Topics(deployment)].sort((a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name)),
        mermaid: topologyMermaid([part]),
        truncated,
      };
      return { overview, part };
    });
  // Two deployments in one folder (staging and prod configs side by side) get their files' names too.
  const seen = new Map<string, number>();
  for (const { part } of parts) seen.set(part.name, (seen.get(part.name) ?? 0) + 1);
  for (const entry of parts) {
    if ((seen.get(entry.part.name) ?? 0) < 2) continue;
    const files = entry.part.deployment.files.map((f) => decodeURIComponent(f.uri.replace(/\\/g, '/').split('/').pop() ?? '')).join(', ');
    entry.part.name = entry.overview.name = `${entry.part.name}: ${files}`;
  }
  return parts;
}
