import { declaredInFile } from './facts';
import type { DeclarationRule } from '../../types';

export const remoteTopicCollision: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'remote-topic-collision',
    group: 'declarations',
    description: 'A topic declared as local has the name a flow gives a remote topic, so MM2 and local producers would share it.',
    defaultSeverity: 'error',
    fixable: false,
    messages: { collision: 'Topic `{{topic}}` in {{cluster}} has the name of a remote topic MM2 creates. It is the name MM2 gives {{source}}\'s `{{upstream}}` when replicating {{source}} → {{cluster}}: MM2 creates it, writes {{source}}\'s records into it and keeps its configs in sync with `{{upstream}}`. Rename the local topic, or remove this declaration if it was meant to describe the remote copy.' },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, topic] of declaredInFile(workspace, uri, 'topics')) {
      const origin = workspace.remoteOrigin(cluster.alias, topic.decl.name);
      if (!origin) continue;
      const { model, upstream } = origin;
      const setting = model.topicsSetting ?? model.enabledSetting;
      report({
        messageId: 'collision',
        data: { topic: topic.decl.name, cluster: cluster.alias, source: model.flow.source, upstream },
        range: topic.decl.nameRange,
        related: setting ? [{ uri: model.uri, range: setting.valueRange, message: `${model.flow.id} replicates \`${upstream}\` into ${cluster.alias} as \`${topic.decl.name}\`` }] : [],
      });
    }
  },
};
