import type { Declared, DeclaredCluster } from '../../../model/declared';
import type { TopicDeclaration } from '../../../formats/yaml/declarationTypes';
import type { DeclarationRule } from '../../types';
import { declaredInFile } from './facts';

/** The topics a live snapshot saw in the cluster, by name; undefined when no snapshot covers it. */
function observedTopics(cluster: DeclaredCluster): Map<string, Declared<TopicDeclaration>> | undefined {
  if (!cluster.sections.some((s) => s.file.observed)) return undefined;
  return new Map(cluster.topics.filter((t) => t.file.observed).map((t) => [t.decl.name, t]));
}

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
    const observedByCluster = new Map<string, ReturnType<typeof observedTopics>>();
    for (const [cluster, topic] of declaredInFile(workspace, uri, 'topics')) {
      // A snapshot is not compared with itself.
      if (topic.file.observed) continue;
      if (!observedByCluster.has(cluster.alias)) observedByCluster.set(cluster.alias, observedTopics(cluster));
      const observed = observedByCluster.get(cluster.alias);
      if (!observed) continue;
      const seen = observed.get(topic.decl.name);
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
