import type { FileFacts, Flow, Mm2Facts } from '../formats/facts';
import type { KafkaSemantics } from '../mm2/versions';
import { BoundedCache } from '../base/cache';
import { splitList } from '../mm2/lists';
import { flowModel, type FlowModel, type PlacedConnector } from './flows';
import { Replay } from './replay';

/** A file that configures MM2, with its facts. */
export type Mm2File = FileFacts & { mm2: Mm2Facts };

/** The MM2 files that talk about the same Kafka clusters, their flows, and the one replay of them. */
export interface Deployment {
  /** Its files, in a fixed order (by name), so that the CLI and the server follow the same paths. */
  files: Mm2File[];
  /** The flows that replicate topics. */
  flows: FlowModel[];
  replay: Replay;
  /** Its files and everything its replay reads of their flows: equal keys, equal replays. */
  replayKey: string;
}

/** The previous build's flows and replays, by replay key, for a build that replaces it. */
export interface ReplayTakeover {
  /** The flows and replay built under `key`, handed out once: the taker moves its flows' settings into them. */
  take(key: string): Pick<Deployment, 'flows' | 'replay'> | undefined;
}

/** The same Kafka cluster, however its bootstrap list is ordered or cased. */
export function clusterIdentity(servers: string): string {
  // Asked for both ends of every flow by several rules on each keystroke, of a few distinct lists.
  return IDENTITIES.get(servers, (list) => splitList(list).map((s) => s.item.toLowerCase()).sort().join(','));
}

const IDENTITIES = new BoundedCache<string, string>(10_000);

/**
 * Splits MM2 files into deployments. Two files belong together when they give the same bootstrap
 * servers for a cluster, whatever alias they use for it (different aliases for one cluster are
 * what alias-mismatch reports); a repository holding `staging/` and `prod/` configs that both say
 * `K1` and `K2` for different clusters yields two deployments, not one with phantom loops.
 */
export function groupDeployments(files: Mm2File[]): Mm2File[][] {
  const parent = files.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  files.forEach(({ mm2 }, i) => {
    for (const { alias } of mm2.clusters) {
      const servers = mm2.bootstrapServers(alias);
      if (!servers) continue;
      const identity = clusterIdentity(servers);
      const other = owner.get(identity);
      if (other === undefined) owner.set(identity, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Mm2File[]>();
  files.forEach((file, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(file);
    else groups.set(root, [file]);
  });
  return [...groups.values()];
}

/**
 * Who runs a flow's connectors: a dedicated-mode Connect group (`<source>-mm2` in the target, or the
 * target's `group.id`: MM2 nodes with the same one share the work), a Strimzi resource (kind,
 * namespace and name: two files with the same are variants of one object), a Connect connector (its
 * `name`: posting it again replaces it).
 */
function runnerOf(file: Mm2File, flow: Flow): string {
  const { mm2 } = file;
  switch (mm2.mode) {
    case 'dedicated':
      return `dedicated:${mm2.byKey.get(`${flow.target}.group.id`)?.value.trim() ?? `${flow.source}-mm2`}`;
    case 'strimzi': {
      const resource = mm2.strimzi?.resources.find((r) => r.mirrors.some((m) => m.flow === flow));
      return resource?.name ? `strimzi:${resource.namespace ?? ''}/${resource.name}` : `file:${file.uri}`;
    }
    case 'connect':
      return mm2.connector?.name ? `connect:${mm2.connector.name}` : `file:${file.uri}`;
    case 'aiven':
      // Aiven refuses a second flow resource for a pair of one service: each resource runs.
      return `file:${file.uri}`;
  }
}

/** The settings that decide what a flow replicates and how it names it. */
const BEHAVIOUR = ['replication.policy.class', 'replication.policy.separator', 'topics', 'topics.exclude', 'source.cluster.alias', 'heartbeats.replication.enabled'];

function sameBehaviour(a: FlowModel, b: FlowModel): boolean {
  return BEHAVIOUR.every((property) => (a.value(property).value ?? '').trim() === (b.value(property).value ?? '').trim());
}

const byUri = (a: { uri: string }, b: { uri: string }): number => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/**
 * One deployment's flows and replay. Following topics through a mesh is most of the work, and most
 * edits change no flow's behaviour: when the previous build's replay has the same key, it is taken
 * over, its flow models given this build's settings (ranges, files) in place.
 */
export function buildDeployment(group: Mm2File[], kafkaOf: (file: Mm2File, flow: Flow) => KafkaSemantics, previous?: ReplayTakeover): Deployment {
  const files = [...group].sort(byUri);
  // Connect mode: the checkpoint connector of a pair may be posted from another file.
  const checkpoints = new Map<string, PlacedConnector>();
  for (const file of files) {
    for (const flow of file.mm2.flows) {
      const view = flow.connectors.checkpoint;
      if (view && !checkpoints.has(flow.id)) checkpoints.set(flow.id, { uri: file.uri, file, view });
    }
  }
  const flows: FlowModel[] = [];
  const running = new Map<string, FlowModel[]>();
  for (const file of files) {
    for (const flow of file.mm2.flows) {
      // A flow into its own cluster (only a misconfigured Strimzi or Connect file can say so) is not
      // replication between clusters; duplicate-cluster-alias reports it.
      if (!flow.enabled || flow.source === flow.target) continue;
      const model = flowModel(file, file.mm2, flow, kafkaOf(file, flow));
      // The same connectors written twice (two MM2 nodes of one Connect group, variants of one
      // resource, a connector posted again) run once. Written differently, either may run (the
      // group's leader decides): both stay, each a variant of the other.
      const runner = `${flow.id}\u0000${runnerOf(file, flow)}`;
      const same = running.get(runner);
      if (same?.some((other) => sameBehaviour(other, model))) continue;
      model.variantOf = same?.[0];
      if (same) same.push(model);
      else running.set(runner, [model]);
      const own = flow.connectors.checkpoint;
      model.checkpoint = own ? { uri: file.uri, file, view: own } : file.mm2.mode === 'connect' ? checkpoints.get(flow.id) : undefined;
      flows.push(model);
    }
  }
  const replayKey = [...files.map((f) => f.uri), ...flows.map((model) => `${model.replayKey}\u0000${model.variantOf ? flows.indexOf(model.variantOf) : -1}`)].join('\u0001');
  const taken = previous?.take(replayKey);
  if (!taken) return { files, flows, replay: new Replay(flows), replayKey };
  // Same order, same keys: model i takes over old model i, the one the replay's arrivals point to.
  taken.flows.forEach((old, i) => Object.assign(old, flows[i], { variantOf: flows[i].variantOf && taken.flows[flows.indexOf(flows[i].variantOf!)] }));
  return { files, flows: taken.flows, replay: taken.replay, replayKey };
}
