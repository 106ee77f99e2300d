import { splitList, type Mm2Config } from './config';

/**
 * Splits MM2 configs into deployments: configs that talk about the same Kafka clusters. Two configs
 * belong together when they give the same bootstrap servers for a cluster, whatever alias they use
 * for it (different aliases for one cluster are what alias-mismatch reports); a repository holding
 * `staging/` and `prod/` configs that both say `K1` and `K2` for different clusters yields two
 * deployments, not one with phantom loops between them.
 */
export function groupDeployments<T extends { config: Mm2Config }>(configs: T[]): T[][] {
  const parent = configs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  configs.forEach(({ config }, i) => {
    for (const { alias } of config.clusters) {
      const servers = config.bootstrapServers(alias);
      if (!servers) continue;
      const identity = clusterIdentity(servers);
      const other = owner.get(identity);
      if (other === undefined) owner.set(identity, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, T[]>();
  configs.forEach((entry, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), entry]));
  return [...groups.values()];
}

/** The same Kafka cluster, however its bootstrap list is ordered or cased. */
export function clusterIdentity(servers: string): string {
  return splitList(servers).map((s) => s.item.toLowerCase()).sort().join(',');
}
