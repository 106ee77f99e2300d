import { aliasOccurrences } from '../../../service/locate';
import type { PropertiesRule } from '../../types';

export const aliasContainsSeparator: PropertiesRule = {
  meta: {
    id: 'alias-contains-separator',
    description: 'A cluster alias contains the replication policy separator, which breaks MM2\'s source detection and cycle check.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ config, topology, report }) {
    const { models } = topology;
    const separatorOf = (alias: string): string | undefined =>
      models.find((m) => (m.flow.source === alias || m.flow.target === alias) && m.policy.kind !== 'identity')?.policy.separator;
    const taken = new Set(config.clusters.map((c) => c.alias));
    for (const cluster of config.clusters) {
      const separator = separatorOf(cluster.alias);
      if (!separator || !cluster.alias.includes(separator)) continue;
      const replacement = cluster.alias.split(separator).join(separator === '-' ? '_' : '-');
      const remote = `${cluster.alias}${separator}orders`;
      report({
        message: `Cluster alias \`${cluster.alias}\` contains the separator \`${separator}\`: MM2 reads the source of \`${remote}\` as \`${cluster.alias.split(separator)[0]}\`, so it cannot recognise ${cluster.alias}'s topics coming back and its cycle check fails. Rename the alias (e.g. \`${replacement}\`).`,
        range: cluster.range,
        fixes: taken.has(replacement)
          ? []
          : [{ title: `Rename alias \`${cluster.alias}\` to \`${replacement}\` everywhere`, edits: aliasOccurrences(config, cluster.alias).map((o) => ({ range: o.range, newText: replacement })) }],
      });
    }
  },
};
