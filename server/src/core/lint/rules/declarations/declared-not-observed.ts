import type { DeclaredWorkspace } from '../../../model/declared';
import type { DeclarationRule, Report } from '../../types';
import { declaredInFile, listOfNames } from './facts';

/**
 * Declared consumer groups against the groups a snapshot saw (those with committed offsets). A group
 * may read without committing, or not have read yet: these findings are information, not proof.
 */
function checkGroups(workspace: DeclaredWorkspace, uri: string, report: (r: Report) => void): void {
  for (const [cluster, consumer] of declaredInFile(workspace, uri, 'consumers')) {
    // ACLs of a KafkaUser say what a group may read, not what it reads.
    if (consumer.file.observed || !cluster.observed || consumer.decl.origin !== 'topology') continue;
    const seen = cluster.observed.groups.get(consumer.decl.group);
    const data = { group: consumer.decl.group, cluster: cluster.alias };
    if (!seen) {
      report({ messageId: 'groupAbsent', data, range: consumer.decl.groupRange, undecided: true });
      continue;
    }
    const reads = new Set(seen.decl.topics?.map((t) => t.value) ?? []);
    for (const topic of consumer.decl.topics ?? []) {
      if (reads.has(topic.value)) continue;
      report({
        messageId: 'groupMisses',
        data: { ...data, topic: topic.value, reads: reads.size ? listOfNames([...reads].sort()) : 'nothing' },
        range: topic.range,
        related: [{ uri: seen.uri, range: seen.decl.groupRange, message: `\`${consumer.decl.group}\` in the live snapshot of ${cluster.alias}` }],
        undecided: true,
      });
    }
  }
}

export const declaredNotObserved: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'declared-not-observed',
    group: 'declarations',
    description: 'A topic written in a declaration is not in the cluster a live snapshot saw, or has other partitions or configs there; a declared consumer group has no committed offsets there, or none on a topic it is declared to read (info).',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      absent: 'Topic `{{topic}}` is declared for {{cluster}} but not in the live cluster. The live snapshot of {{cluster}} has no such topic: the declaration was not applied, or the topic was deleted. Rules that rely on the declaration check a topic that does not exist.',
      differs: '`{{key}}` of topic `{{topic}}` is declared `{{declared}}` but is {{observed}} in the live cluster. The live snapshot of {{cluster}} shows another value (a config the topic does not set is the broker\'s default): the declaration was not applied, or the topic was changed by hand since.',
      groupAbsent: 'Consumer group `{{group}}` is declared for {{cluster}} but has no committed offsets there. The live snapshot of {{cluster}} shows no such group: the application is not deployed there, uses another group id, or does not commit offsets. Rules that rely on the declaration check a group that does not read.',
      groupMisses: 'Consumer group `{{group}}` is declared to read `{{topic}}` but has no committed offsets on it in {{cluster}}. The live snapshot shows the group reading {{reads}}: its subscription differs from the declaration, or it has not been assigned `{{topic}}` or committed on it yet.',
    },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    checkGroups(workspace, uri, report);
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
