import type { ReadResult } from '../base/read';
import { flowId } from '../mm2/keys';
import { splitList } from '../mm2/lists';
import type { Deployment } from './deployments';
import type { FlowModel } from './flows';
import { replicates, type Arrival } from './replay';
import { directoryOf } from '../base/paths';
import { EntryMemo } from '../base/entryMemo';
import { appendAll } from '../base/arrays';
import type { ClusterSection, ConsumerDeclaration, DeclarationFile, ProducerDeclaration, SchemaDeclaration, SeenCheckpoints, SeenHeartbeats, TopicDeclaration } from '../formats/yaml/declarationTypes';
import { aliasForPath, type RegistrySharing, type WorkspaceConfig } from '../formats/mirrorlintConfig/read';

/** A declaration with the cluster it was bound to and where it is written. */
export interface Declared<T> {
  decl: T;
  cluster: string;
  uri: string;
  file: DeclarationFile;
  section: ClusterSection;
}

export interface DeclaredCluster {
  alias: string;
  /** The first declaration of each topic name; a live snapshot's, when one saw it. */
  topicNamed: Map<string, Declared<TopicDeclaration>>;
  sections: Declared<ClusterSection>[];
  topics: Declared<TopicDeclaration>[];
  /** The remote topics a live snapshot saw, in file order; undefined unless the cluster was observed. */
  remoteTopics?: Declared<TopicDeclaration>[];
  /**
   * What live snapshots saw in the cluster, by name — its own topics, MM2's copies and the consumer
   * groups; undefined unless one covers it (a section with `remoteTopics:`). Every view of observed
   * facts reads this.
   */
  observed?: ObservedFacts;
  /** MM2's heartbeats a live snapshot read in the cluster; undefined when none did. */
  heartbeats?: Declared<SeenHeartbeats>;
  /** The checkpoints MM2 wrote into the cluster, as a live snapshot read them; undefined when none did. */
  checkpoints?: Declared<SeenCheckpoints>;
  schemas: Declared<SchemaDeclaration>[];
  consumers: Declared<ConsumerDeclaration>[];
  producers: Declared<ProducerDeclaration>[];
}

export interface ObservedFacts {
  /** Own topics, as the snapshot lists them (the first of each name). */
  topics: Map<string, Declared<TopicDeclaration>>;
  /** MM2's copies in the cluster (the first of each name). */
  remoteTopics: Map<string, Declared<TopicDeclaration>>;
  /** Consumer groups with committed offsets (the first of each id). */
  groups: Map<string, Declared<ConsumerDeclaration>>;
}

/** Whether a live snapshot saw a topic of that name in the cluster, own or copy; undefined when none covers it. */
export function sawTopic(cluster: DeclaredCluster | undefined, name: string): boolean | undefined {
  const observed = cluster?.observed;
  return observed && (observed.topics.has(name) || observed.remoteTopics.has(name));
}

function observedOf(cluster: DeclaredCluster): ObservedFacts | undefined {
  if (!cluster.remoteTopics) return undefined;
  const byName = <T>(declared: Declared<T>[], name: (decl: T) => string) => {
    const map = new Map<string, Declared<T>>();
    for (const item of declared) if (!map.has(name(item.decl))) map.set(name(item.decl), item);
    return map;
  };
  const topicName = (topic: TopicDeclaration) => topic.name;
  // A cluster's written topics and groups sit beside the snapshot's and are left out; `remoteTopics:` are taken as they are.
  return {
    topics: byName(cluster.topics.filter((t) => t.file.observed), topicName),
    remoteTopics: byName(cluster.remoteTopics, topicName),
    groups: byName(cluster.consumers.filter((c) => c.file.observed), (consumer) => consumer.group),
  };
}

/** Where a topic of a cluster comes from when a flow writes it: MM2's remote copy of `upstream`. */
export interface RemoteOrigin {
  model: FlowModel;
  upstream: string;
}

/** The declarations of one deployment, bound to its clusters, and what its flows make of them. */
export interface DeclaredWorkspace {
  deployment: Deployment;
  clusters: Map<string, DeclaredCluster>;
  schemaRegistry: RegistrySharing;
  /** The copies MM2 makes of `topic` of cluster `origin`, everywhere. */
  copiesOf(origin: string, topic: string): Arrival[];
  /** The copies of topics named `topic` (in any other cluster) that arrive in `cluster`. */
  copiesIn(cluster: string, topic: string): Arrival[];
  /** Reads a file the declarations refer to (schema files); undefined when it cannot. */
  readText(uri: string): ReadResult;
  /** Topic names that are local (not MM2's) in a cluster: declared topics, produced and subscribed names. */
  localTopics(alias: string): Set<string>;
  /** The flow that writes `name` into `alias`, when `name` is a remote topic there (prefixing policies). */
  remoteOrigin(alias: string, name: string): RemoteOrigin | undefined;
  /** The clusters mirrored both ways with `alias` (active-active peers). */
  peers(alias: string): string[];
  flow(source: string, target: string): FlowModel | undefined;
  /** The clusters that declare (or a snapshot shows) a consumer group of this id. */
  clustersWithGroup(group: string): ReadonlySet<string>;
  /**
   * The same object from one analysis to the next while the deployment and every declared
   * cluster's local topic names (compared by content) are: what rules derive from the names and
   * the flows alone may be kept while it is (EntryMemo).
   */
  namesVersion(): object;
}

const NO_CLUSTERS: ReadonlySet<string> = new Set();

/** A section that could not be bound to an MM2 cluster, and why. */
export interface UnboundSection {
  uri: string;
  section: ClusterSection;
  reason: string;
}

export interface Binding {
  workspaces: DeclaredWorkspace[];
  unbound: UnboundSection[];
}

/**
 * The alias a Strimzi `strimzi.io/cluster` label stands for: an explicit mapping, else the MM2
 * cluster whose bootstrap address is one of the Kafka CR's bootstrap services: `<name>-kafka-bootstrap`,
 * or a listener's own `<name>-kafka-<listener>-bootstrap`.
 */
function aliasForStrimziLabel(label: string, chain: WorkspaceConfig[], deployments: Deployment[]): string | undefined {
  const mapped = chain.flatMap((config) => config.clusters).find((c) => c.strimziCluster === label);
  if (mapped) return mapped.alias;
  const escaped = label.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `<name>-kafka-bootstrap` or `<name>-kafka-<listener>-bootstrap`, then `.namespace.svc…` or `:port`.
  const service = new RegExp(`^(?:[a-z0-9+.-]+://)?${escaped}-kafka(?:-[a-z0-9]+)?-bootstrap(?:[.:]|$)`);
  for (const { files } of deployments) {
    for (const { mm2 } of files) {
      for (const { alias } of mm2.clusters) {
        const servers = splitList(mm2.bootstrapServers(alias)?.toLowerCase() ?? '').map((s) => s.item);
        if (servers.some((server) => service.test(server))) return alias;
      }
    }
  }
  return undefined;
}

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Binds every declaration section to a cluster alias and the deployment that has that cluster. */
export function bindDeclarations(
  files: DeclarationFile[],
  deployments: Deployment[],
  chainFor: (uri: string) => WorkspaceConfig[],
  readText: (uri: string) => ReadResult,
  previousFor?: (deployment: Deployment) => DeclaredWorkspace | undefined,
): Binding {
  const unbound: UnboundSection[] = [];
  const perDeployment = deployments.map(() => new Map<string, DeclaredCluster>());
  const sharing = deployments.map((): RegistrySharing => 'separate');
  for (const file of files) {
    const chain = chainFor(file.uri);
    const governing = chain.find((c) => !c.fromSettings);
    const byPath = chain.map((config) => aliasForPath(config, file.uri)).find((alias) => alias !== undefined);
    for (const section of file.sections) {
      const label = section.strimziCluster?.value;
      const service = section.aivenService?.value;
      // An Aiven service is only known by name: its alias comes from a mapping, never from a guess.
      const byService = service ? chain.flatMap((config) => config.clusters).find((c) => c.aivenService === service)?.alias : undefined;
      const alias = section.alias?.value ?? byPath ?? byService ?? (label ? aliasForStrimziLabel(label, chain, deployments) : undefined);
      if (!alias) {
        unbound.push({
          uri: file.uri,
          section,
          reason: label
            ? `MirrorLint cannot tell which MM2 cluster the Strimzi cluster \`${label}\` is: no MM2 cluster's bootstrap servers are \`${label}-kafka-bootstrap…\`. Map it in .mirrorlint.yaml (\`clusters: {<alias>: {strimziCluster: ${label}}}\`).`
            : service
              ? `MirrorLint cannot tell which MM2 cluster the Aiven service \`${service}\` is. Map it in .mirrorlint.yaml (\`clusters: {<alias>: {aivenService: ${service}}}\`).`
              : `This file does not say which cluster it describes: add \`cluster: <alias>\`, or map its folder in .mirrorlint.yaml (\`clusters: {<alias>: {paths: [...]}}\`).`,
        });
        continue;
      }
      const candidates = deployments.map((_, i) => i).filter((i) => deployments[i].files.some(({ mm2 }) => mm2.clusters.some((c) => c.alias === alias)));
      if (candidates.length === 0) {
        const known = [...new Set(deployments.flatMap((d) => d.files.flatMap(({ mm2 }) => mm2.clusters.map((c) => c.alias))))].sort();
        unbound.push({ uri: file.uri, section, reason: `\`${alias}\` is not a cluster of any MM2 configuration in the workspace. These declarations are not checked against replication${known.length ? `; the known clusters are ${known.join(', ')}` : ''}.` });
        continue;
      }
      // Several deployments with the same alias (staging/ and prod/): the one whose files are closest.
      const folder = directoryOf(file.uri);
      const closeness = (i: number): number => Math.max(...deployments[i].files.map(({ uri }) => commonPrefix(directoryOf(uri), folder)));
      const chosen = candidates.reduce((best, i) => (closeness(i) > closeness(best) ? i : best));
      if (governing?.schemaRegistry === 'shared') sharing[chosen] = 'shared';
      const clusters = perDeployment[chosen];
      let cluster = clusters.get(alias);
      if (!cluster) clusters.set(alias, (cluster = { alias, topicNamed: new Map(), sections: [], topics: [], schemas: [], consumers: [], producers: [] }));
      const at = <T>(decl: T): Declared<T> => ({ decl, cluster: alias, uri: file.uri, file, section });
      cluster.sections.push(at(section));
      appendAll(cluster.topics, section.topics.map(at));
      if (section.remoteTopics) appendAll((cluster.remoteTopics ??= []), section.remoteTopics.map(at));
      if (section.heartbeats) cluster.heartbeats ??= at(section.heartbeats);
      if (section.checkpoints) cluster.checkpoints ??= at(section.checkpoints);
      // What a live snapshot saw speaks for the cluster over what a file declares (declared-not-observed compares the two).
      for (const topic of section.topics) {
        const named = cluster.topicNamed.get(topic.name);
        if (!named || (file.observed && !named.file.observed)) cluster.topicNamed.set(topic.name, at(topic));
      }
      appendAll(cluster.schemas, section.schemas.map(at));
      appendAll(cluster.consumers, section.consumers.map(at));
      appendAll(cluster.producers, section.producers.map(at));
    }
  }
  for (const clusters of perDeployment) for (const cluster of clusters.values()) cluster.observed = observedOf(cluster);
  const workspaces = deployments
    .map((deployment, i) => ({ deployment, clusters: perDeployment[i], sharing: sharing[i] }))
    .filter(({ clusters }) => clusters.size > 0)
    .map(({ deployment, clusters, sharing: registry }) => declaredWorkspace(deployment, clusters, registry, readText, previousFor?.(deployment)));
  return { workspaces, unbound };
}

/** A workspace's local topic names, as far as computed, and what is derived from all of them. */
interface Names {
  local: Map<string, Set<string>>;
  version?: NamesVersion;
}

/** Derived from the deployment and every declared cluster's local names: kept while they are. */
interface NamesVersion {
  /** Copies of names that arrive in a cluster, by the name they had at their origin. */
  copiesIn: Map<string, Map<string, Arrival[]>>;
  /** The local names assumed for clusters nobody declared. */
  everywhere?: Set<string>;
}

const NAMES = new WeakMap<DeclaredWorkspace, Names>();
/** The local names an entry (a topic, a producer, a consumer group) adds to its cluster's. */
const LOCAL_NAMES = new EntryMemo<string[]>();

function sameNames(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const name of a) if (!b.has(name)) return false;
  return true;
}

function declaredWorkspace(deployment: Deployment, clusters: Map<string, DeclaredCluster>, schemaRegistry: RegistrySharing, readText: (uri: string) => ReadResult, previous?: DeclaredWorkspace): DeclaredWorkspace {
  const flows = new Map(deployment.flows.map((m) => [m.flow.id, m]));
  const flow = (source: string, target: string): FlowModel | undefined => flows.get(flowId(source, target));
  const remoteOrigin = (alias: string, name: string): RemoteOrigin | undefined => {
    for (const model of deployment.flows) {
      if (model.flow.target !== alias || model.policy.kind === 'identity') continue;
      if (model.policy.topicSource(name) !== model.flow.source) continue;
      const upstream = model.policy.upstreamTopic(name);
      if (upstream !== undefined && replicates(model, upstream)) return { model, upstream };
    }
    return undefined;
  };
  // The previous analysis's sets are taken when equal, so that their identity says "unchanged".
  const before = previous?.deployment === deployment ? NAMES.get(previous) : undefined;
  const names: Names = { local: new Map() };
  const declaredLocal = (alias: string): Set<string> => {
    let local = names.local.get(alias);
    if (local) return local;
    const cluster = clusters.get(alias);
    // Whether a name is local is kept per entry: an edit decides it again for the entries it changed.
    const inputs = [deployment, alias];
    const localOf = (decl: object, names: () => string[]): string[] => LOCAL_NAMES.get(decl, inputs, () => names().filter((name) => !remoteOrigin(alias, name)));
    local = new Set();
    for (const { decl } of cluster?.topics ?? []) for (const name of localOf(decl, () => [decl.name])) local.add(name);
    for (const { decl } of cluster?.producers ?? []) for (const name of localOf(decl, () => decl.topics.map((t) => t.value))) local.add(name);
    for (const { decl } of cluster?.consumers ?? []) for (const name of localOf(decl, () => (decl.topics ?? []).map((t) => t.value))) local.add(name);
    const kept = before?.local.get(alias);
    if (kept && sameNames(kept, local)) local = kept;
    names.local.set(alias, local);
    return local;
  };
  const namesVersion = (): NamesVersion => {
    if (names.version) return names.version;
    for (const alias of clusters.keys()) declaredLocal(alias);
    const same = before?.version !== undefined && before.local.size === names.local.size && [...names.local].every(([alias, local]) => before.local.get(alias) === local);
    return (names.version = same ? before!.version! : { copiesIn: new Map() });
  };
  // Clusters nobody declared are assumed to hold the same topic names as the declared ones
  // (active-active setups mirror like for like), so that their remote copies are still expected.
  const localTopics = (alias: string): Set<string> => {
    if (clusters.has(alias)) return declaredLocal(alias);
    const version = namesVersion();
    return (version.everywhere ??= new Set([...clusters.keys()].flatMap((declared) => [...declaredLocal(declared)])));
  };
  const aliases = deployment.replay.clusters;
  let groupIndex: Map<string, Set<string>> | undefined;
  const copiesIn = (cluster: string, topic: string): Arrival[] => {
    const copiesInCache = namesVersion().copiesIn;
    let byTopic = copiesInCache.get(topic);
    if (!byTopic) {
      byTopic = new Map();
      for (const origin of aliases) {
        if (!localTopics(origin).has(topic)) continue;
        for (const arrival of deployment.replay.plainCopiesOf(origin, topic)) {
          const list = byTopic.get(arrival.cluster);
          if (list) list.push(arrival);
          else byTopic.set(arrival.cluster, [arrival]);
        }
      }
      copiesInCache.set(topic, byTopic);
    }
    return byTopic.get(cluster) ?? [];
  };
  const workspace: DeclaredWorkspace = {
    deployment,
    clusters,
    schemaRegistry,
    copiesOf: (origin, topic) => deployment.replay.plainCopiesOf(origin, topic),
    copiesIn,
    readText,
    localTopics,
    remoteOrigin,
    peers: (alias) => aliases.filter((other) => other !== alias && flow(alias, other) && flow(other, alias)),
    clustersWithGroup: (group) => {
      if (!groupIndex) {
        groupIndex = new Map();
        for (const [alias, cluster] of clusters) {
          for (const consumer of cluster.consumers) {
            const holders = groupIndex.get(consumer.decl.group);
            if (holders) holders.add(alias);
            else groupIndex.set(consumer.decl.group, new Set([alias]));
          }
        }
      }
      return groupIndex.get(group) ?? NO_CLUSTERS;
    },
    flow,
    namesVersion,
  };
  NAMES.set(workspace, names);
  return workspace;
}
