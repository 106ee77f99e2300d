import { parseJavaRegex } from '../mm2/patterns/javaRegex';
import { literalTopic } from '../mm2/patterns/literal';
import type { Deployment } from '../model/deployments';
import type { FlowModel } from '../model/flows';
import { arrivalPath, type Arrival } from '../model/replay';

/** Where a topic of `cluster` ends up, hop by hop: the deployment's replay, to the end of every chain. */
export interface RemotePreview {
  cluster: string;
  name: string;
  path: string[];
}

export function previewRemoteTopics(deployment: Deployment, cluster: string, topic: string): { previews: RemotePreview[]; truncated: boolean } {
  const { arrivals, truncated } = deployment.replay.copiesOf(cluster, topic);
  const previews = arrivals.map(toPreview).sort((a, b) => a.path.length - b.path.length || a.cluster.localeCompare(b.cluster));
  return { previews, truncated };
}

export function toPreview(arrival: Arrival): RemotePreview {
  return { cluster: arrival.cluster, name: arrival.name, path: arrivalPath(arrival) };
}

/**
 * What a flow produces in its target: the remote name of each literal topic it admits, and the
 * renamed pattern of each regex (`K1.customer-.*`).
 */
export function flowProducts(model: FlowModel): string[] {
  const products: string[] = [];
  for (const pattern of model.topics) {
    const literal = literalTopic(pattern);
    if (literal !== undefined) {
      if (model.admits(literal)) products.push(model.remoteName(literal));
      continue;
    }
    if (parseJavaRegex(pattern).error) continue;
    // A prefix pattern reads better as a glob — `K1.*` for "every topic, prefixed", `K1.customer-*`
    // for "topics matching customer-.*" — and is never mistaken for one topic's name.
    const prefix = pattern.endsWith('.*') ? literalTopic(pattern.slice(0, -2)) : undefined;
    const shown = pattern === '.*' ? '*' : prefix !== undefined ? `${prefix}*` : pattern;
    products.push(model.policy.kind === 'identity' ? shown : `${model.remoteName('')}${shown}`);
  }
  return products;
}

/** `K1.orders, K1.payments (+3)` */
export function summarise(names: string[], shown = 2): string {
  if (names.length === 0) return 'nothing';
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} (+${names.length - shown})` : head;
}
