import type { OffsetRange } from '../../../base/range';
import type { Writer } from '../../../formats/facts';
import { clusterIdentity } from '../../../model/deployments';
import type { Mm2Rule } from '../../types';

interface Naming {
  uri: string;
  alias: string;
  range: OffsetRange;
  writer: Writer;
}

export const aliasMismatch: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'alias-mismatch',
    group: 'replication',
    description: 'The same Kafka cluster (same bootstrap servers) is called by different aliases in different MM2 configs.',
    defaultSeverity: 'error',
    fixable: true,
    messages: { mismatch: 'Cluster `{{servers}}` is called `{{alias}}` here but `{{preferred}}` in another MM2 config. MM2 recognises a topic\'s origin (and stops loops) only when both directions spell the alias the same: with two names, echo topics like `{{preferred}}.{{alias}}.orders` appear. Use one alias everywhere.' },
  },
  check({ uri, deployment, report }) {
    const byCluster = new Map<string, Naming[]>();
    for (const { uri: file, mm2, writer } of deployment.files) {
      for (const cluster of mm2.clusters) {
        const servers = mm2.bootstrapServers(cluster.alias);
        if (!servers || servers.includes('${')) continue;
        const identity = clusterIdentity(servers);
        const list = byCluster.get(identity) ?? [];
        list.push({ uri: file, alias: cluster.alias, range: cluster.range, writer });
        byCluster.set(identity, list);
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
          messageId: 'mismatch',
          data: { servers, alias: naming.alias, preferred },
          range: naming.range,
          related: [{ uri: other.uri, range: other.range, message: `called \`${preferred}\` here` }],
          fixes: [{ title: `Rename to \`${preferred}\``, edits: [naming.writer.replaceName(naming.range, preferred)] }],
        });
      }
    }
  },
};
