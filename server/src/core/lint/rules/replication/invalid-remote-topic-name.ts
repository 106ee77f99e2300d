import { topicNameProblem } from '../../../mm2/policy';
import type { FlowModel } from '../../../model/topology';
import type { PropertiesRule } from '../../types';

export const invalidRemoteTopicName: PropertiesRule = {
  meta: {
    id: 'invalid-remote-topic-name',
    description: 'A remote topic name MM2 would generate is not a legal Kafka topic name.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ uri, topology, report }) {
    const { simulation } = topology;
    const reported = new Set<FlowModel>();
    for (const arrival of simulation.arrivals) {
      const model = arrival.via;
      if (!model || model.uri !== uri || reported.has(model)) continue;
      const problem = topicNameProblem(arrival.name);
      if (!problem) continue;
      const anchor = model.separatorEntry ?? model.enabledEntry;
      if (!anchor) continue;
      reported.add(model);
      report({
        message: `Flow ${model.flow.id} would create \`${arrival.name.length > 80 ? `${arrival.name.slice(0, 77)}…` : arrival.name}\` in ${model.flow.target}, which is not a legal topic name: ${problem}. MM2 fails to create it and the topic is not mirrored. Use a separator and aliases made of letters, digits, '.', '_' and '-'.`,
        range: anchor === model.separatorEntry ? anchor.entry.valueRange : anchor.entry.keyRange,
      });
    }
  },
};
