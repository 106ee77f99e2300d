import { withQuotes, yamlScalar } from '../../../formats/yaml/edits';
import { declaredInFile } from './facts';
import type { DeclarationRule } from '../../types';

export const producerWritesRemoteTopic: DeclarationRule = {
  meta: {
    id: 'producer-writes-remote-topic',
    description: 'A producer writes to a remote topic (`K1.orders` in K2): remote topics are written by MM2 alone.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ uri, file, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, producer] of declaredInFile(workspace, uri, 'producers')) {
      for (const topic of producer.decl.topics) {
        const origin = workspace.remoteOrigin(cluster.alias, topic.value);
        if (!origin) continue;
        const { model, upstream } = origin;
        const entry = model.topicsEntry ?? model.enabledEntry;
        // Inside quotes the name is written as is; a bare scalar gets YAML's quoting when it needs it.
        const quoted = withQuotes(file.text, topic.range) !== topic.range;
        report({
          message: `Producer \`${producer.decl.name}\` writes \`${topic.value}\` in ${cluster.alias}, but \`${topic.value}\` is the remote copy of ${model.flow.source}'s \`${upstream}\` that MM2 (${model.flow.source} → ${cluster.alias}) writes: its records would be mixed into ${model.flow.source}'s data and never reach ${model.flow.source} (MM2 does not send a topic back to its source). Write to \`${upstream}\` instead.`,
          range: topic.range,
          related: entry ? [{ uri: model.uri, range: entry.entry.valueRange, message: `${model.flow.id} replicates \`${upstream}\` into ${cluster.alias} as \`${topic.value}\`` }] : [],
          fixes: [{ title: `Write to \`${upstream}\``, edits: [{ range: topic.range, newText: quoted ? upstream : yamlScalar(upstream) }], preferred: true }],
        });
      }
    }
  },
};
