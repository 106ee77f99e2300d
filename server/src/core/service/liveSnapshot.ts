import { stringify } from 'yaml';

/** What live mode read from one cluster: only facts the cluster states, nothing inferred. */
export interface ObservedTopic {
  name: string;
  partitions: number;
  replicas: number;
  config: Record<string, string>;
}

export interface ObservedCluster {
  topics: ObservedTopic[];
  /** The remote copies MM2 made in the cluster, when the caller has told them from its own topics. */
  remoteTopics?: ObservedTopic[];
  /**
   * Consumer groups with the topics they have committed offsets on (what they read), and those of
   * them where every committed offset is 0 (nothing read yet: MM2 has no offset to translate).
   */
  groups: { id: string; topics: string[]; unread?: string[] }[];
  /** What MM2 wrote into the cluster's `heartbeats` topic since `since`: the newest heartbeat per `source->target`. */
  heartbeats?: ObservedHeartbeats;
  /** Per checkpoints topic (`K1.checkpoints.internal`): each group and the topics it has checkpoints for. */
  checkpoints?: Record<string, Record<string, string[]>>;
}

export interface ObservedHeartbeats {
  /** The start of the time read (ms since the epoch); older heartbeats were not looked at. */
  since: number;
  /** `source->target` (the aliases in the heartbeat) → its newest timestamp (ms). */
  newest: Record<string, number>;
  /** Remote copies of other clusters' heartbeats topics (`K1.heartbeats`) → the newest heartbeat in each. */
  copies?: Record<string, number>;
}

/**
 * The observed facts as a KafkaTopology declaration file (`clusters:` per alias), so that they feed
 * the same model and rules as written declarations, and a recorded snapshot can be checked offline.
 * Topic configs are those set on the topic itself (not broker defaults), as a declaration lists them.
 */
export function snapshotTopology(observed: Record<string, ObservedCluster>, takenAt: string): string {
  const clusters: Record<string, unknown> = {};
  for (const alias of Object.keys(observed).sort()) {
    const { topics, remoteTopics, groups, heartbeats, checkpoints } = observed[alias];
    clusters[alias] = {
      topics: topicMap(topics),
      // Written even when empty: it says the cluster's topics were seen, so a missing copy is a fact.
      ...(remoteTopics ? { remoteTopics: topicMap(remoteTopics) } : {}),
      consumers: [...groups].sort((a, b) => a.id.localeCompare(b.id)).map((g) => ({ group: g.id, topics: [...g.topics].sort(), ...(g.unread?.length ? { unread: [...g.unread].sort() } : {}) })),
      ...(heartbeats ? { heartbeats: { since: iso(heartbeats.since), newest: times(heartbeats.newest), ...(heartbeats.copies ? { copies: times(heartbeats.copies) } : {}) } } : {}),
      ...(checkpoints ? { checkpoints: sortedObject(Object.fromEntries(Object.entries(checkpoints).map(([topic, groups]) => [topic, sortedObject(Object.fromEntries(Object.entries(groups).map(([group, names]) => [group, [...names].sort()])))]))) } : {}),
    };
  }
  const header = `# Observed by \`mirrorlint snapshot --live\` at ${takenAt}: the clusters as they were, read-only.\n# Regenerate it rather than edit it.\n`;
  return header + stringify({ kind: 'KafkaTopology', observedAt: takenAt, clusters }, { lineWidth: 0 });
}

const topicMap = (topics: ObservedTopic[]): Record<string, unknown> =>
  Object.fromEntries([...topics].sort((a, b) => a.name.localeCompare(b.name)).map((t) => [t.name, { partitions: t.partitions, replicas: t.replicas, ...(Object.keys(t.config).length ? { config: sortedObject(t.config) } : {}) }]));

const iso = (ms: number): string => new Date(ms).toISOString();
const times = (record: Record<string, number>): Record<string, string> => sortedObject(Object.fromEntries(Object.entries(record).map(([key, at]) => [key, iso(at)])));

const sortedObject = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
