import { insertLine, lastEntryWithPrefix } from './edits';
import type { PropertiesRule } from '../../types';

export const PLACEHOLDER_SERVERS = 'CHANGE-ME:9092';

export const missingBootstrapServers: PropertiesRule = {
  meta: {
    id: 'missing-bootstrap-servers',
    description: 'A declared cluster has no `<alias>.bootstrap.servers`, so MM2 cannot connect to it.',
    defaultSeverity: 'error',
    fixable: true,
    formats: ['properties'],
  },
  check({ config, report }) {
    const topLevel = config.byKey.get('bootstrap.servers');
    if (topLevel && topLevel.shape.scope === 'top') return; // MM2 falls back to it for every cluster
    const seen = new Set<string>();
    for (const cluster of config.clusters) {
      if (seen.has(cluster.alias)) continue;
      seen.add(cluster.alias);
      if (config.byKey.has(`${cluster.alias}.bootstrap.servers`)) continue;
      const after = lastEntryWithPrefix(config, `${cluster.alias}.`) ?? lastEntryWithPrefix(config, 'clusters');
      report({
        message: `Cluster \`${cluster.alias}\` has no \`${cluster.alias}.bootstrap.servers\`: MM2 cannot connect to it and fails at startup. Add \`${cluster.alias}.bootstrap.servers = host1:9092,host2:9092\`.`,
        range: cluster.range,
        fixes: [
          {
            title: `Add \`${cluster.alias}.bootstrap.servers\` (placeholder ${PLACEHOLDER_SERVERS})`,
            // A template to fill in, not a repair: never applied by fix-all.
            edits: [insertLine(config, after, `${cluster.alias}.bootstrap.servers = ${PLACEHOLDER_SERVERS}`)],
          },
        ],
      });
    }
  },
};
