import type { Mm2Rule } from '../../types';

export const connectClusterMismatch: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi'],
  meta: {
    id: 'connect-cluster-mismatch',
    group: 'strimzi',
    description: 'A v1beta2 KafkaMirrorMaker2 mirror whose target is not the `connectCluster`.',
    defaultSeverity: 'error',
    fixable: true,
    messages: { mismatch: 'Mirror {{source}} → {{target}} targets `{{target}}`, but `connectCluster` is `{{connect}}`: MM2\'s Connect cluster must run next to the target. Strimzi ≥ 0.41 rejects this; older versions re-prefix topics endlessly (`{{connect}}.{{connect}}.…`) or, with IdentityReplicationPolicy, echo data back into the source. Use one resource per target cluster.' },
  },
  check({ mm2, file, report }) {
    for (const resource of mm2.strimzi?.resources ?? []) {
      const connect = resource.connectCluster;
      if (resource.version !== 'v1beta2' || !connect) continue;
      const servers = (alias: string) => resource.clusters.find((c) => c.alias.value === alias)?.bootstrapServers?.value;
      for (const mirror of resource.mirrors) {
        const target = mirror.target;
        if (!target || target.value === connect.value) continue;
        // Strimzi accepts the mismatch when both aliases name the same bootstrap servers.
        if (servers(target.value) !== undefined && servers(target.value) === servers(connect.value)) continue;
        report({
          messageId: 'mismatch',
          data: { source: mirror.source?.value ?? '?', target: target.value, connect: connect.value },
          range: target.valueRange,
          related: [{ range: connect.valueRange, message: 'the Connect cluster' }],
          fixes: [{ title: `Set connectCluster to \`${target.value}\``, edits: [file.writer.replaceName(connect.valueRange, target.value)] }],
        });
      }
    }
  },
};
