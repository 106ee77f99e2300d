import type { Arrival, FlowModel } from '../../../model/topology';
import { excludeOnFlow, literalPattern, pathOf } from './topologyEdits';
import type { PropertiesRule } from '../../types';

export const multiHopReplication: PropertiesRule = {
  meta: {
    id: 'multi-hop-replication',
    description: 'A flow re-replicates remote topics, so chained names like `B.A.orders` appear in a third cluster.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ uri, topology, report }) {
    const { simulation } = topology;
    const byFlow = new Map<FlowModel, Arrival[]>();
    for (const arrival of simulation.arrivals) {
      if (arrival.depth < 2 || !arrival.via || arrival.previousName === undefined) continue;
      const last = arrival.via;
      const incoming = arrival.previousName;
      // Only chained names count: a name-keeping policy re-replicates without renaming.
      if (last.uri !== uri || last.policy.kind === 'identity' || last.policy.topicSource(incoming) === undefined) continue;
      byFlow.set(last, [...(byFlow.get(last) ?? []), arrival]);
    }
    for (const [model, arrivals] of byFlow) {
      const anchor = model.enabledEntry ?? model.topicsEntry;
      if (!anchor) continue;
      const example = arrivals[0];
      // The clusters whose remote topics this flow forwards: the source part of the names it takes in.
      const prefixes = [...new Set(arrivals.map((a) => model.policy.topicSource(a.previousName!)!))];
      const patterns = prefixes.map((alias) => `${literalPattern(`${alias}${model.policy.separator}`)}.*`);
      const incoming = example.previousName!;
      report({
        message: `Flow ${model.flow.id} re-replicates remote topics: \`${incoming}\` (topic \`${example.originTopic}\` of ${example.origin}) arrives in ${model.flow.target} as \`${example.name}\` via ${pathOf(example.hops.map((h) => h.model))}. Exclude other clusters' remote topics on this flow (${patterns.map((p) => `\`${p}\``).join(', ')}) unless the chain is intended.`,
        range: anchor.entry.keyRange,
        related: model.topicsEntry ? [{ range: model.topicsEntry.entry.valueRange, message: `${model.flow.id} admits \`${incoming}\`` }] : [],
        fixes: [{ title: `Exclude remote topics of ${prefixes.join(', ')} on ${model.flow.id}`, edits: [excludeOnFlow(model.config, model, patterns)] }],
      });
    }
  },
};
