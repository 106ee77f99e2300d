import { sawTopic, type Declared, type DeclaredCluster, type DeclaredWorkspace } from '../../../model/declared';
import type { TopicDeclaration } from '../../../formats/yaml/declarationTypes';
import type { DeclarationRule } from '../../types';
import { clustersInFile } from './facts';

/** Every topic a live snapshot in `uri` saw, own and remote (a remote topic is copied on by chains). */
function* observedTopicsInFile(workspace: DeclaredWorkspace, uri: string): Generator<[DeclaredCluster, Declared<TopicDeclaration>]> {
  for (const cluster of clustersInFile(workspace, uri)) {
    // Written declarations of an observed cluster say what should be, not what is (declared-not-observed compares them).
    for (const topic of [...(cluster.observed?.topics.values() ?? []), ...(cluster.observed?.remoteTopics.values() ?? [])]) if (topic.uri === uri) yield [cluster, topic];
  }
}

export const remoteTopicMissing: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'remote-topic-missing',
    group: 'declarations',
    description: 'A live snapshot shows a topic that a flow replicates, but not its remote copy in the target cluster: MM2 is not running, does not see the topic, or has not created the copy yet.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missing: 'Remote topic `{{name}}` is missing in {{target}}. {{flow}} replicates {{source}}\'s `{{topic}}` into {{target}} as `{{name}}`, and the live snapshot of {{target}} has no such topic: MM2 is not running, does not see `{{topic}}`, or has not created the copy yet (it looks for new topics every `refresh.topics.interval.seconds`). Consumers that fail over to {{target}} find no copy of `{{topic}}`.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, topic] of observedTopicsInFile(workspace, uri)) {
      for (const copy of workspace.copiesOf(cluster.alias, topic.decl.name)) {
        if (copy.depth !== 1 || !copy.via) continue;
        if (sawTopic(workspace.clusters.get(copy.cluster), copy.name) !== false) continue;
        const model = copy.via;
        const setting = model.topicsSetting ?? model.enabledSetting;
        report({
          messageId: 'missing',
          data: { name: copy.name, target: copy.cluster, flow: model.flow.id, source: cluster.alias, topic: topic.decl.name },
          range: topic.decl.nameRange,
          related: setting ? [{ uri: model.uri, range: setting.valueRange, message: `${model.flow.id} replicates \`${topic.decl.name}\` into ${copy.cluster}` }] : [],
        });
      }
    }
  },
};
