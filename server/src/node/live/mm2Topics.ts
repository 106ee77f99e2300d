import type { Admin, Consumer } from '@platformatic/kafka';
import type { ObservedCluster, ObservedHeartbeats } from '../../core';
import { decodeCheckpointKey, decodeHeartbeat } from './mm2Records';
import { readTopic, type RecordsRead } from './records';

/** How far back heartbeats are read; a flow's newest heartbeat older than this is not seen. */
const HEARTBEATS_READ_MS = 5 * 60_000;
/** Records read from one MM2 topic at most; over it the topic is left out (unknown) rather than read in part. */
const MM2_RECORDS_LIMIT = 200_000;
const CHECKPOINTS_TOPIC = /checkpoints\.internal$/;
/** Remote copies of a heartbeats topic (`K1.heartbeats`): what the source connector replicated. */
const HEARTBEATS_COPY = /.heartbeats$/;

/** The newest heartbeat of each `source->target` among the records, and the newest of all. */
function newestHeartbeats(records: RecordsRead[]): { byFlow: Record<string, number>; newest?: number } {
  const byFlow: Record<string, number> = {};
  let newest: number | undefined;
  for (const record of records) {
    const beat = decodeHeartbeat(record.key, record.value);
    if (!beat) continue;
    const flow = `${beat.source}->${beat.target}`;
    byFlow[flow] = Math.max(byFlow[flow] ?? 0, beat.timestamp);
    newest = Math.max(newest ?? 0, beat.timestamp);
  }
  return { byFlow, newest };
}

/**
 * What MM2 wrote about itself into a cluster, read from its own topics: the heartbeats of the last
 * minutes (`heartbeats`, and the copies of other clusters' heartbeats topics the source connectors
 * made), and the checkpoints (`<source>.checkpoints.internal`): whether MM2 runs, whether it
 * replicates, and which groups it can fail over. A topic too large to read leaves its part out.
 */
export async function readMm2Records(admin: Admin, consumer: Consumer, topicNames: string[]): Promise<Pick<ObservedCluster, 'heartbeats' | 'checkpoints'>> {
  const names = new Set(topicNames);
  return { ...(await readHeartbeats(admin, consumer, names)), ...(await readCheckpoints(admin, consumer, names)) };
}

async function readHeartbeats(admin: Admin, consumer: Consumer, names: Set<string>): Promise<{ heartbeats?: ObservedHeartbeats }> {
  const since = Date.now() - HEARTBEATS_READ_MS;
  const own = names.has('heartbeats') ? await readTopic(admin, consumer, 'heartbeats', { since }, MM2_RECORDS_LIMIT) : [];
  if (!own) return {};
  const heartbeats: ObservedHeartbeats = { since, newest: newestHeartbeats(own).byFlow, copies: {} };
  for (const topic of [...names].filter((name) => name !== 'heartbeats' && HEARTBEATS_COPY.test(name))) {
    const records = await readTopic(admin, consumer, topic, { since }, MM2_RECORDS_LIMIT);
    if (!records) return {};
    const { newest } = newestHeartbeats(records);
    if (newest !== undefined) heartbeats.copies![topic] = newest;
  }
  return { heartbeats };
}

async function readCheckpoints(admin: Admin, consumer: Consumer, names: Set<string>): Promise<{ checkpoints?: Record<string, Record<string, string[]>> }> {
  const checkpoints: Record<string, Record<string, string[]>> = {};
  for (const topic of [...names].filter((name) => CHECKPOINTS_TOPIC.test(name))) {
    const records = await readTopic(admin, consumer, topic, { earliest: true }, MM2_RECORDS_LIMIT);
    // One checkpoints topic left unread would make its groups look unchecked: say nothing of any.
    if (!records) return {};
    const byGroup = new Map<string, Set<string>>();
    for (const record of records) {
      const key = decodeCheckpointKey(record.key);
      if (!key) continue;
      let topics = byGroup.get(key.group);
      if (!topics) byGroup.set(key.group, (topics = new Set()));
      topics.add(key.topic);
    }
    checkpoints[topic] = Object.fromEntries([...byGroup].map(([group, topics]) => [group, [...topics]]));
  }
  return { checkpoints };
}
