import type { Arrival } from '../../../model/replay';
import type { FlowModel } from '../../../model/flows';
import type { Mm2Rule } from '../../types';
import { excludeOnFlow, literalPattern, pathOf } from './topologyEdits';

export const multiHopReplication: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'multi-hop-replication',
    group: 'replication',
    description: 'A flow re-replicates remote topics, so chained names like `B.A.orders` appear in a third cluster.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      chain: 'Flow {{flow}} re-replicates remote topics: `{{incoming}}` (topic `{{topic}}` of {{origin}}) arrives in {{target}} as `{{name}}` via {{path}}. Exclude other clusters\' remote topics on this flow ({{patterns}}) unless the chain is intended.',
      chainExample: 'Flow {{flow}} re-replicates remote topics: a remote topic such as `{{incoming}}` (from {{origin}}) arrives in {{target}} as `{{name}}` via {{path}}. Exclude other clusters\' remote topics on this flow ({{patterns}}) unless the chain is intended.',
    },
  },
  check({ uri, deployment, report }) {
    const byFlow = new Map<FlowModel, Arrival[]>();
    for (const arrival of deployment.replay.sampleArrivals()) {
      if (arrival.depth < 2 || !arrival.via || arrival.previousName === undefined) continue;
      const last = arrival.via;
      const incoming = arrival.previousName;
      // Only chained names count: a name-keeping policy re-replicates without renaming.
      if (last.uri !== uri || last.policy.kind === 'identity' || last.policy.topicSource(incoming) === undefined) continue;
      const list = byFlow.get(last);
      if (list) list.push(arrival);
      else byFlow.set(last, [arrival]);
    }
    for (const [model, arrivals] of byFlow) {
      if (!model.anchor) continue;
      const example = arrivals[0];
      // The clusters whose remote topics this flow forwards: the source part of the names it takes in.
      const prefixes = [...new Set(arrivals.map((a) => model.policy.topicSource(a.previousName!)!))];
      const patterns = prefixes.map((alias) => `${literalPattern(`${alias}${model.policy.separator}`)}.*`);
      const incoming = example.previousName!;
      const exclude = excludeOnFlow(model, patterns);
      report({
        messageId: deployment.replay.isNamed(example.origin, example.originTopic) ? 'chain' : 'chainExample',
        data: { flow: model.flow.id, incoming, topic: example.originTopic, origin: example.origin, target: model.flow.target, name: example.name, path: pathOf(example.hops.map((h) => h.model)), patterns: patterns.map((p) => `\`${p}\``).join(', ') },
        range: model.anchor.keyRange,
        related: model.topicsSetting ? [{ range: model.topicsSetting.valueRange, message: `${model.flow.id} admits remote topics such as \`${incoming}\`` }] : [],
        fixes: exclude ? [{ title: `Exclude remote topics of ${prefixes.join(', ')} on ${model.flow.id}`, edits: [exclude] }] : [],
      });
    }
  },
};
