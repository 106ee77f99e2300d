import { declaredInFile } from './facts';
import type { DeclarationRule } from '../../types';

export const remoteTopicCollision: DeclarationRule = {
  meta: {
    id: 'remote-topic-collision',
    description: 'A topic declared as local has the name a flow gives a remote topic, so MM2 and local producers would share it.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, topic] of declaredInFile(workspace, uri, 'topics')) {
      const origin = workspace.remoteOrigin(cluster.alias, topic.decl.name);
      if (!origin) continue;
      const { model, upstream } = origin;
      const entry = model.topicsEntry ?? model.enabledEntry;
      report({
        message: `Topic \`${topic.decl.name}\` is declared in ${cluster.alias}, but it is the name MM2 gives ${model.flow.source}'s \`${upstream}\` when replicating ${model.flow.source} → ${cluster.alias}: MM2 creates it, writes ${model.flow.source}'s records into it and keeps its configs in sync with \`${upstream}\`. Rename the local topic, or remove this declaration if it was meant to describe the remote copy.`,
        range: topic.decl.nameRange,
        related: entry ? [{ uri: model.uri, range: entry.entry.valueRange, message: `${model.flow.id} replicates \`${upstream}\` into ${cluster.alias} as \`${topic.decl.name}\`` }] : [],
      });
    }
  },
};
