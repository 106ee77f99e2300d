import { declareTopicIn } from './edits';
import { declaredInFile } from './facts';
import type { DeclarationRule, RelatedLocation } from '../../types';

export const topicMissingInPeer: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'topic-missing-in-peer',
    group: 'declarations',
    description: 'In an active-active pair, a topic produced to in one cluster is not declared in the peer, where its producers write after a failover (MM2 creates only the remote copy there).',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { missing: 'Topic `{{topic}}` is not declared in {{peer}}, the active-active peer of {{cluster}}. Producer `{{producer}}` writes it in {{cluster}}: after a failover to {{peer}} the producer writes to a topic that does not exist there (MM2 only creates the remote copy{{remote}}), or that the broker auto-creates with default settings. Declare it in {{peer}}{{same}}.' },
  },
  check({ uri, workspace, report }) {
    if (!workspace) return;
    const reported = new Set<string>();
    for (const [cluster, producer] of declaredInFile(workspace, uri, 'producers')) {
      for (const topic of producer.decl.topics) {
        if (workspace.remoteOrigin(cluster.alias, topic.value)) continue; // producer-writes-remote-topic
        for (const peerAlias of workspace.peers(cluster.alias)) {
          const peer = workspace.clusters.get(peerAlias);
          // A peer nobody declared is not checked: there is nothing to compare with.
          if (!peer || peer.topicNamed.has(topic.value) || reported.has(`${cluster.alias}\u0000${topic.value}\u0000${peerAlias}`)) continue;
          reported.add(`${cluster.alias}\u0000${topic.value}\u0000${peerAlias}`);
          const declared = cluster.topicNamed.get(topic.value);
          const related: RelatedLocation[] = peer.sections.slice(0, 3).map((s) => ({ uri: s.uri, range: s.section.anchor, message: `${peerAlias}'s declarations, without \`${topic.value}\`` }));
          if (declared) related.push({ uri: declared.uri, range: declared.decl.nameRange, message: `\`${topic.value}\` is declared in ${cluster.alias} here` });
          const remote = workspace.flow(cluster.alias, peerAlias)?.remoteName(topic.value);
          const edit = declareTopicIn(peer, declared, topic.value);
          report({
            messageId: 'missing',
            data: { producer: producer.decl.name, topic: topic.value, cluster: cluster.alias, peer: peerAlias, remote: remote && remote !== topic.value ? ` \`${remote}\`` : '', same: declared ? ' with the same partitions and configs' : '' },
            range: topic.range,
            related,
            fixes: edit ? [{ title: `Declare \`${topic.value}\` in ${peerAlias}${declared ? ' (same partitions and configs)' : ''}`, edits: [edit], preferred: true }] : [],
          });
        }
      }
    }
  },
};
