import type { Arrival } from '../../../model/topology';
import { pathOf } from './topologyEdits';
import type { PropertiesRule } from '../../types';

const MAX_REPORTS = 50;

export const redundantReplicationPath: PropertiesRule = {
  meta: {
    id: 'redundant-replication-path',
    description: 'The same data reaches a cluster by two paths, under two names.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ uri, topology, report }) {
    const { simulation } = topology;
    const groups = new Map<string, Arrival[]>();
    for (const arrival of simulation.arrivals) {
      const key = `${arrival.cluster}\u0000${arrival.origin}\u0000${arrival.originTopic}`;
      groups.set(key, [...(groups.get(key) ?? []), arrival]);
    }
    const reported = new Set<string>();
    let count = 0;
    for (const arrivals of groups.values()) {
      const names = [...new Map(arrivals.map((a) => [a.name, a])).values()];
      if (names.length < 2 || count >= MAX_REPORTS) continue;
      const [direct, other] = [...names].sort((a, b) => a.depth - b.depth);
      const model = other.via!;
      const key = `${model.flow.id}\u0000${direct.origin}`;
      const anchor = model.enabledEntry ?? model.topicsEntry;
      if (model.uri !== uri || reported.has(key) || !anchor) continue;
      reported.add(key);
      count++;
      report({
        message: `${direct.cluster} receives topic \`${direct.originTopic}\` of ${direct.origin} twice: as \`${direct.name}\` (${pathOf(direct.hops.map((h) => h.model))}) and as \`${other.name}\` (${pathOf(other.hops.map((h) => h.model))}). Consumers see the same records under two names and MM2 copies them twice. Exclude remote topics on ${model.flow.id} or remove a path.`,
        range: anchor.entry.keyRange,
      });
    }
  },
};
