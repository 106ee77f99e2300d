import { parseJavaRegex } from '../mm2/patterns/javaRegex';
import { literalTopic } from '../mm2/patterns/literal';
import type { FlowModel, Topology } from '../model/topology';
import { simulate, type Arrival } from '../model/replay';

/** Where a topic of `cluster` ends up, hop by hop (MM2's own decisions, bounded depth). */
export interface RemotePreview {
  cluster: string;
  name: string;
  path: string[];
}

export function previewRemoteTopics(topology: Topology, cluster: string, topic: string): RemotePreview[] {
  const { models } = topology;
  const depth = Math.min(new Set(models.flatMap((m) => [m.flow.source, m.flow.target])).size, 6);
  const { arrivals } = simulate(models, { seeds: new Map([[cluster, [topic]]]), maxDepth: depth, maxStates: 500 });
  return arrivals.map(toPreview).sort((a, b) => a.path.length - b.path.length || a.cluster.localeCompare(b.cluster));
}

/** The clusters an arrival went through, origin first. */
export function arrivalPath(arrival: Arrival): string[] {
  return [arrival.origin, ...arrival.hops.map((h) => h.model.flow.target)];
}

function toPreview(arrival: Arrival): RemotePreview {
  return { cluster: arrival.cluster, name: arrival.name, path: arrivalPath(arrival) };
}

export { literalTopic };

/**
 * What a flow produces in its target: the remote name of each literal topic it admits, and the
 * renamed pattern of each regex (`K1.customer-.*`).
 */
export function flowProducts(model: FlowModel): string[] {
  const products: string[] = [];
  for (const pattern of model.topics) {
    const literal = literalTopic(pattern);
    if (literal !== undefined) {
      if (model.admits(literal)) products.push(model.policy.formatRemoteTopic(model.flow.source, literal));
      continue;
    }
    if (parseJavaRegex(pattern).error) continue;
    // `.*` reads better as a glob: `K1.*` for "every topic, prefixed".
    const shown = pattern === '.*' ? '*' : pattern;
    products.push(model.policy.kind === 'identity' ? shown : `${model.policy.formatRemoteTopic(model.flow.source, '')}${shown}`);
  }
  return products;
}

/** `K1.orders, K1.payments (+3)` */
export function summarise(names: string[], shown = 2): string {
  if (names.length === 0) return 'nothing';
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} (+${names.length - shown})` : head;
}
