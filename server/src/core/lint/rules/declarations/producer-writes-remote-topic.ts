import { withQuotes, yamlScalar } from '../../../formats/yaml/edits';
import { declaredInFile } from './facts';
import type { DeclarationRule } from '../../types';

export const producerWritesRemoteTopic: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'producer-writes-remote-topic',
    group: 'declarations',
    description: 'A producer writes to a remote topic (`K1.orders` in K2): remote topics are written by MM2 alone.',
    defaultSeverity: 'error',
    fixable: true,
    messages: { remote: 'Producer `{{producer}}` writes `{{topic}}` in {{cluster}}, a remote topic MM2 writes. It is the copy of {{source}}\'s `{{upstream}}` (MM2 {{source}} → {{cluster}}): its records would be mixed into {{source}}\'s data and never reach {{source}} (MM2 does not send a topic back to its source). Write to `{{upstream}}` instead.' },
  },
  check({ uri, declarations, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, producer] of declaredInFile(workspace, uri, 'producers')) {
      for (const topic of producer.decl.topics) {
        const origin = workspace.remoteOrigin(cluster.alias, topic.value);
        if (!origin) continue;
        const { model, upstream } = origin;
        const setting = model.topicsSetting ?? model.enabledSetting;
        // Inside quotes the name is written as is; a bare scalar gets YAML's quoting when it needs it.
        const quoted = withQuotes(declarations.text, topic.range) !== topic.range;
        report({
          messageId: 'remote',
          data: { producer: producer.decl.name, topic: topic.value, cluster: cluster.alias, source: model.flow.source, upstream },
          range: topic.range,
          related: setting ? [{ uri: model.uri, range: setting.valueRange, message: `${model.flow.id} replicates \`${upstream}\` into ${cluster.alias} as \`${topic.value}\`` }] : [],
          fixes: [{ title: `Write to \`${upstream}\``, edits: [{ range: topic.range, newText: quoted ? upstream : yamlScalar(upstream) }], preferred: true }],
        });
      }
    }
  },
};
