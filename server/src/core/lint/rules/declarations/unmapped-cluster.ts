import type { DeclarationRule } from '../../types';

export const unmappedCluster: DeclarationRule = {
  kind: 'declarations',
  meta: {
    id: 'unmapped-cluster',
    group: 'declarations',
    description: 'Topology declarations (KafkaTopology, KafkaTopic, KafkaUser) that cannot be tied to a cluster of the workspace\'s MM2 configurations, so nothing checks them against replication.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: { unbound: '{{reason}}' },
  },
  check({ unbound, report }) {
    const seen = new Set<string>();
    for (const { section, reason } of unbound) {
      // One finding per reason and file: fifty KafkaTopics with the same label are one problem.
      if (seen.has(reason)) continue;
      seen.add(reason);
      report({ messageId: 'unbound', data: { reason }, range: section.alias?.range ?? section.strimziCluster?.range ?? section.aivenService?.range ?? section.anchor });
    }
  },
};
