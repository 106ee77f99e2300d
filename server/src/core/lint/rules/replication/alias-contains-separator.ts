import type { Mm2Rule } from '../../types';

export const aliasContainsSeparator: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'alias-contains-separator',
    group: 'replication',
    description: 'A cluster alias contains the replication policy separator, which breaks MM2\'s source detection and cycle check.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      contains: 'Cluster alias `{{alias}}` contains the separator `{{separator}}`, so MM2 misreads the source of its remote topics.',
      targetOnly: 'Cluster alias `{{alias}}` contains the separator `{{separator}}`: fine while it is only a target, but a flow out of it would not see its topics come back.',
    },
  },
  check({ mm2, file, deployment, report }) {
    const separatorOf = (alias: string): string | undefined =>
      deployment.flows.find((m) => (m.flow.source === alias || m.flow.target === alias) && m.policy.kind !== 'identity')?.policy.separator;
    const taken = new Set(mm2.clusters.map((c) => c.alias));
    for (const cluster of mm2.clusters) {
      const separator = separatorOf(cluster.alias);
      if (!separator || !cluster.alias.includes(separator)) continue;
      const replacement = cluster.alias.split(separator).join(separator === '-' ? '_' : '-');
      // Remote topics named after it exist only where it is the source of a flow.
      const source = deployment.flows.some((m) => m.flow.source === cluster.alias);
      report({
        messageId: source ? 'contains' : 'targetOnly',
        data: { alias: cluster.alias, separator },
        related: [{ range: cluster.range, message: `MM2 reads the source of \`${cluster.alias}${separator}<topic>\` as \`${cluster.alias.split(separator)[0]}\`; rename the alias, e.g. \`${replacement}\`` }],
        atMost: source ? undefined : 'warning',
        range: cluster.range,
        fixes: taken.has(replacement)
          ? []
          : [{ title: `Rename alias \`${cluster.alias}\` to \`${replacement}\` everywhere`, edits: mm2.aliasOccurrences.filter((o) => o.alias === cluster.alias).map((o) => file.writer.replaceName(o.range, replacement)) }],
      });
    }
  },
};
