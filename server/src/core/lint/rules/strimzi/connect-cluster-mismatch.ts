import type { PropertiesRule } from '../../types';

export const connectClusterMismatch: PropertiesRule = {
  meta: {
    id: 'connect-cluster-mismatch',
    description: 'A v1beta2 KafkaMirrorMaker2 mirror whose target is not the `connectCluster`.',
    defaultSeverity: 'error',
    fixable: true,
    formats: ['strimzi-yaml'],
  },
  check({ config, report }) {
    for (const resource of config.strimzi?.resources ?? []) {
      const connect = resource.connectCluster;
      if (resource.version !== 'v1beta2' || !connect) continue;
      const servers = (alias: string) => resource.clusters.find((c) => c.alias.value === alias)?.bootstrapServers?.value;
      for (const mirror of resource.mirrors) {
        const target = mirror.target;
        if (!target || target.value === connect.value) continue;
        // Strimzi accepts the mismatch when both aliases name the same bootstrap servers.
        if (servers(target.value) !== undefined && servers(target.value) === servers(connect.value)) continue;
        report({
          message: `Mirror ${mirror.source?.value ?? '?'} → ${target.value} targets \`${target.value}\`, but \`connectCluster\` is \`${connect.value}\`: MM2's Connect cluster must run next to the target. Strimzi ≥ 0.41 rejects this; older versions re-prefix topics endlessly (\`${connect.value}.${connect.value}.…\`) or, with IdentityReplicationPolicy, echo data back into the source. Use one resource per target cluster.`,
          range: target.valueRange,
          related: [{ range: connect.valueRange, message: 'the Connect cluster' }],
          fixes: [{ title: `Set connectCluster to \`${target.value}\``, edits: [{ range: connect.valueRange, newText: target.value }] }],
        });
      }
    }
  },
};
