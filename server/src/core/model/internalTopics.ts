import type { Flow } from '../formats/facts';
import { configFalse } from '../mm2/lists';
import type { Deployment, Mm2File } from './deployments';
import type { FlowModel } from './flows';

/** A topic MM2 itself creates (its connectors' and, in dedicated mode, its Connect workers'), and the copies replication makes of heartbeats. */
export interface Mm2Topic {
  cluster: string;
  name: string;
  role: 'heartbeats' | 'heartbeats-copy' | 'checkpoints' | 'offset-syncs' | 'connect-configs' | 'connect-offsets' | 'connect-status';
  /** The pair whose connector or worker creates it (`A->B`), or the origin of a copy. */
  by: string;
}

/**
 * The topics MM2 creates, from its own code paths: for every pair it runs a herder for
 * (dedicated mode: MirrorMakerConfig.clusterPairs), the heartbeat connector creates `heartbeats`
 * in the target (it starts even when the flow is off) and the Connect worker its storage topics
 * there (`mm2-configs.<source>.internal`…, workerConfig); an enabled source connector creates the
 * offset-syncs topic (when `emit.offset-syncs.enabled`), an enabled checkpoint connector
 * `<source>.checkpoints.internal` in the target. Heartbeats topics are then replicated like any
 * topic the filters and the heartbeats switch let through.
 */
export function mm2Topics(deployment: Deployment): Mm2Topic[] {
  let topics = WITH_COPIES.get(deployment);
  if (!topics) WITH_COPIES.set(deployment, (topics = withHeartbeatCopies(deployment, createdTopics(deployment))));
  return topics;
}

/** A deployment is built once and reused while its files stay; so are the topics it creates. */
const CREATED = new WeakMap<Deployment, Mm2Topic[]>();
const WITH_COPIES = new WeakMap<Deployment, Mm2Topic[]>();

/** The topics MM2's connectors and workers create, without the copies replication makes of heartbeats. */
export function createdTopics(deployment: Deployment): Mm2Topic[] {
  let topics = CREATED.get(deployment);
  if (!topics) CREATED.set(deployment, (topics = collectCreated(deployment)));
  return topics;
}

function collectCreated(deployment: Deployment): Mm2Topic[] {
  // A mesh of 40 clusters has 1,560 flows: keyed by objects and per cluster, not by joined strings.
  const found: Mm2Topic[] = [];
  const seen = new Map<string, Set<string>>();
  const add = (topic: Mm2Topic): void => {
    let names = seen.get(topic.cluster);
    if (!names) seen.set(topic.cluster, (names = new Set()));
    if (names.has(topic.name)) return;
    names.add(topic.name);
    found.push(topic);
  };
  const models = new Map(deployment.flows.map((m) => [m.flow, m]));
  for (const file of deployment.files) {
    for (const flow of file.mm2.flows) {
      if (flow.source === flow.target || !flow.connectors.heartbeat) continue;
      add({ cluster: flow.target, name: 'heartbeats', role: 'heartbeats', by: flow.id });
      if (file.mm2.mode === 'dedicated') for (const topic of connectStorage(file, flow)) add(topic);
      const model = models.get(flow);
      if (model) for (const topic of connectorTopics(model)) add(topic);
    }
  }
  return found;
}

function withHeartbeatCopies(deployment: Deployment, created: Mm2Topic[]): Mm2Topic[] {
  const found = new Map(created.map((t) => [`${t.cluster}\u0000${t.name}`, t]));
  for (const holder of created.filter((t) => t.role === 'heartbeats')) {
    for (const arrival of deployment.replay.copiesOf(holder.cluster, holder.name).arrivals) {
      const key = `${arrival.cluster}\u0000${arrival.name}`;
      if (!found.has(key)) found.set(key, { cluster: arrival.cluster, name: arrival.name, role: 'heartbeats-copy', by: holder.cluster });
    }
  }
  return [...found.values()];
}

/** The dedicated-mode worker's storage topics in the target (MirrorMakerConfig.workerConfig defaults, unless set for the target or at top level). */
function connectStorage(file: Mm2File, flow: Flow): Mm2Topic[] {
  const named = (property: string, fallback: string): string => (file.mm2.byKey.get(`${flow.target}.${property}`) ?? file.mm2.byKey.get(property))?.value ?? fallback;
  return [
    { cluster: flow.target, name: named('config.storage.topic', `mm2-configs.${flow.source}.internal`), role: 'connect-configs', by: flow.id },
    { cluster: flow.target, name: named('offset.storage.topic', `mm2-offsets.${flow.source}.internal`), role: 'connect-offsets', by: flow.id },
    { cluster: flow.target, name: named('status.storage.topic', `mm2-status.${flow.source}.internal`), role: 'connect-status', by: flow.id },
  ];
}

/** What the enabled connectors of a flow create on start. */
function connectorTopics(model: FlowModel): Mm2Topic[] {
  const topics: Mm2Topic[] = [];
  const { flow, policy } = model;
  if (!configFalse(model.value('emit.offset-syncs.enabled').value)) {
    // MirrorSourceConfig.offsetSyncsTopic: named after the cluster at the other end from where it lives.
    const inTarget = model.value('offset-syncs.topic.location').value?.trim() === 'target';
    topics.push({ cluster: inTarget ? flow.target : flow.source, name: policy.offsetSyncsTopic(inTarget ? model.sourceAlias : model.targetAlias), role: 'offset-syncs', by: flow.id });
  }
  if (model.checkpoint) topics.push({ cluster: flow.target, name: policy.checkpointsTopic(model.sourceAlias), role: 'checkpoints', by: flow.id });
  return topics;
}
