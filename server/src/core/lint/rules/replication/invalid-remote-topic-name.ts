import { topicNameProblem } from '../../../mm2/policy';
import type { FlowModel } from '../../../model/flows';
import { createdTopics } from '../../../model/internalTopics';
import type { Mm2Rule } from '../../types';

export const invalidRemoteTopicName: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'invalid-remote-topic-name',
    group: 'replication',
    description: 'A remote topic name MM2 would generate is not a legal Kafka topic name.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      illegal: 'Flow {{flow}} would create a topic with an illegal name in {{target}}. The name is `{{name}}`: {{problem}}.',
      illegalExample: 'Flow {{flow}} would create topics with illegal names in {{target}}. Names such as `{{name}}` are illegal: {{problem}}.',
      illegalOwn: 'The {{role}} topic of flow {{flow}} has an illegal name. MM2 names it `{{name}}`: {{problem}}.',
    },
  },
  check({ uri, deployment, report }) {
    const reported = new Set<FlowModel>();
    for (const arrival of deployment.replay.sampleArrivals()) {
      const model = arrival.via;
      if (!model || model.uri !== uri || reported.has(model)) continue;
      const problem = topicNameProblem(arrival.name);
      if (!problem) continue;
      const anchor = model.separatorSetting ?? model.enabledSetting;
      if (!anchor) continue;
      reported.add(model);
      report({
        messageId: deployment.replay.isNamed(arrival.origin, arrival.originTopic) ? 'illegal' : 'illegalExample',
        data: { flow: model.flow.id, name: arrival.name.length > 80 ? `${arrival.name.slice(0, 77)}…` : arrival.name, target: model.flow.target, problem },
        range: anchor === model.separatorSetting ? anchor.valueRange : anchor.keyRange,
      });
    }
    // MM2's own topics are named after aliases too (`mm2-offset-syncs.<other>.internal`, `<source>.checkpoints.internal`).
    const here = new Map<string, FlowModel>();
    for (const m of deployment.flows) if (m.uri === uri && !here.has(m.flow.id)) here.set(m.flow.id, m);
    for (const topic of createdTopics(deployment)) {
      if (topic.role !== 'offset-syncs' && topic.role !== 'checkpoints') continue;
      const model = here.get(topic.by);
      const anchor = model && (model.separatorSetting ?? model.enabledSetting);
      const problem = topicNameProblem(topic.name);
      if (!model || !anchor || !problem || reported.has(model)) continue;
      reported.add(model);
      report({ messageId: 'illegalOwn', data: { flow: model.flow.id, role: topic.role, name: topic.name, problem }, range: anchor.keyRange });
    }
  },
};
