import type { DeclarationRule } from '../../types';
import { declaredInFile } from './facts';

export const declaredNotObserved: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'declared-not-observed',
    group: 'declarations',
    description: 'A topic written in a declaration is not in the cluster a live snapshot saw, or has other partitions or configs there.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      absent: 'Topic `{{topic}}` is declared for {{cluster}} but not in the live cluster. The live snapshot of {{cluster}} has no such topic: the declaration was not applied, or the topic was deleted. Rules that rely on the declaration check a topic that does not exist.',
      differs: '`{{key}}` of topic `{{topic}}` is declared `{{declared}}` but is {{observed}} in the live cluster. The live snapshot of {{cluster}} shows another value (a config the topic does not set is the broker\'s default): the declaration was not applied, or the topic was changed by hand since.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    for (const [cluster, topic] of declaredInFile(workspace, uri, 'topics')) {
      // A snapshot is not compared with itself.
      if (topic.file.observed || !cluster.observed) continue;
      const seen = cluster.observed.topics.get(topic.decl.name);
      if (!seen) {
        report({ messageId: 'absent', data: { topic: topic.decl.name, cluster: cluster.alias }, range: topic.decl.nameRange });
        continue;
      }
      const related = (message: string) => [{ uri: seen.uri, range: seen.decl.nameRange, message }];
      const { partitions } = topic.decl;
      if (partitions && seen.decl.partitions && partitions.value !== seen.decl.partitions.value) {
        report({
          messageId: 'differs',
          data: { key: 'partitions', topic: topic.decl.name, declared: String(partitions.value), observed: `\`${seen.decl.partitions.value}\``, cluster: cluster.alias },
          range: partitions.range,
          related: related(`\`${topic.decl.name}\` in the live snapshot of ${cluster.alias}: ${seen.decl.partitions.value} partitions`),
        });
      }
      // The snapshot holds the configs set on the topic itself: a declared key it lacks is the broker's default there.
      for (const [key, valued] of topic.decl.config) {
        const there = seen.decl.config.get(key);
        if (there?.value === valued.value) continue;
        report({
          messageId: 'differs',
          data: { key, topic: topic.decl.name, declared: valued.value, observed: there ? `\`${there.value}\`` : 'not set', cluster: cluster.alias },
          range: valued.keyRange ?? valued.range,
          related: related(`\`${key}\` of \`${topic.decl.name}\` in the live snapshot of ${cluster.alias}: ${there ? there.value : 'not set'}`),
        });
      }
    }
  },
};
