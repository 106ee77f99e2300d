import type { Mm2Rule } from '../../types';

export const PLACEHOLDER_SERVERS = 'CHANGE-ME:9092';

export const missingBootstrapServers: Mm2Rule = {
  kind: 'mm2',
  modes: ['dedicated'],
  meta: {
    id: 'missing-bootstrap-servers',
    group: 'properties',
    description: 'A declared cluster has no `<alias>.bootstrap.servers`, so MM2 cannot connect to it.',
    defaultSeverity: 'error',
    fixable: true,
    messages: { missing: 'Cluster `{{alias}}` has no `{{alias}}.bootstrap.servers`: MM2 cannot connect to it and fails at startup. Add `{{alias}}.bootstrap.servers = host1:9092,host2:9092`.' },
  },
  check({ mm2, file, report }) {
    const topLevel = mm2.byKey.get('bootstrap.servers');
    if (topLevel && topLevel.shape.scope === 'top') return; // MM2 falls back to it for every cluster
    const seen = new Set<string>();
    for (const cluster of mm2.clusters) {
      if (seen.has(cluster.alias)) continue;
      seen.add(cluster.alias);
      if (mm2.byKey.has(`${cluster.alias}.bootstrap.servers`)) continue;
      const edit = file.writer.insert({ scope: 'cluster', alias: cluster.alias }, 'bootstrap.servers', PLACEHOLDER_SERVERS);
      report({
        messageId: 'missing',
        data: { alias: cluster.alias },
        range: cluster.range,
        // A template to fill in, not a repair: never applied by fix-all.
        fixes: edit ? [{ title: `Add \`${cluster.alias}.bootstrap.servers\` (placeholder ${PLACEHOLDER_SERVERS})`, edits: [edit] }] : [],
      });
    }
  },
};
