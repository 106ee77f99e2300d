import { clusterIdentity } from '../../../model/deployments';
import type { OffsetRange } from '../../../base/range';
import type { PropertiesRule } from '../../types';

interface Naming {
  uri: string;
  alias: string;
  range: OffsetRange;
}

export const aliasMismatch: PropertiesRule = {
  meta: {
    id: 'alias-mismatch',
    description: 'The same Kafka cluster (same bootstrap servers) is called by different aliases in different MM2 configs.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ uri, topology, report }) {
    const byCluster = new Map<string, Naming[]>();
    for (const { uri: file, config } of topology.configs) {
      for (const cluster of config.clusters) {
        const servers = config.bootstrapServers(cluster.alias);
        if (!servers || servers.includes('${')) continue;
        const identity = clusterIdentity(servers);
        byCluster.set(identity, [...(byCluster.get(identity) ?? []), { uri: file, alias: cluster.alias, range: cluster.range }]);
      }
    }
    for (const [servers, namings] of byCluster) {
      const aliases = [...new Set(namings.map((n) => n.alias))];
      if (aliases.length < 2) continue;
      // The alias most configs use is the one to converge on.
      const counts = new Map(aliases.map((a) => [a, namings.filter((n) => n.alias === a).length]));
      const preferred = [...aliases].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b))[0];
      for (const naming of namings) {
        if (naming.uri !== uri || naming.alias === preferred) continue;
        const other = namings.find((n) => n.alias === preferred)!;
        report({
          message: `Cluster \`${servers}\` is called \`${naming.alias}\` here but \`${preferred}\` in another MM2 config. MM2 recognises a topic's origin (and stops loops) only when both directions spell the alias the same: with two names, echo topics like \`${preferred}.${naming.alias}.orders\` appear. Use one alias everywhere.`,
          range: naming.range,
          related: [{ uri: other.uri, range: other.range, message: `called \`${preferred}\` here` }],
          fixes: [{ title: `Rename to \`${preferred}\``, edits: [{ range: naming.range, newText: preferred }] }],
        });
      }
    }
  },
};
