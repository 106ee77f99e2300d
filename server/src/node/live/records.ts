import type { Admin, Consumer } from '@platformatic/kafka';

export interface RecordsRead {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: number;
}

/** Where reading a partition starts: its first offset, or the first record at or after a time. */
export type ReadFrom = { earliest: true } | { since: number };

const EARLIEST = -2n;
const LATEST = -1n;

/**
 * Reads one topic's records between a start and the end it had when the read began, without joining a
 * group or committing anything (Fetch and ListOffsets only). Undefined when there are more than
 * `limit` records: the caller then reports nothing of the topic rather than part of it.
 */
export async function readTopic(admin: Admin, consumer: Consumer, topic: string, from: ReadFrom, limit: number): Promise<RecordsRead[] | undefined> {
  const metadata = await admin.metadata({ topics: [topic] });
  const described = metadata.topics.get(topic);
  if (!described) return [];
  const partitions = described.partitions.map((_, index) => index);
  const offsetsAt = async (timestamp: bigint) => {
    const listed = await admin.listOffsets({ topics: [{ name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp })) }] });
    return new Map((listed[0]?.partitions ?? []).map((p) => [p.partitionIndex, p.offset]));
  };
  const ends = await offsetsAt(LATEST);
  // A time after the newest record lists offset -1: nothing to read there.
  const starts = await offsetsAt('since' in from ? BigInt(from.since) : EARLIEST);
  const records: RecordsRead[] = [];
  for (const partition of partitions) {
    const end = ends.get(partition) ?? 0n;
    let next = starts.get(partition) ?? end;
    if (next < 0n) next = end;
    while (next < end) {
      const response = await consumer.fetch({
        node: described.partitions[partition].leader,
        topics: [{ topicId: described.id, partitions: [{ partition, fetchOffset: next, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1 }] }],
        maxWaitTime: 0,
        minBytes: 1,
        maxBytes: 1 << 20,
      });
      const answer = response.responses[0]?.partitions[0];
      if (!answer) throw new Error(`no answer reading ${topic}-${partition}`);
      if (answer.errorCode !== 0) throw new Error(`reading ${topic}-${partition} failed (Kafka error ${answer.errorCode})`);
      let advanced = false;
      for (const batch of answer.records ?? []) {
        for (const record of batch.records) {
          const offset = batch.firstOffset + BigInt(record.offsetDelta);
          if (offset < next || offset >= end) continue;
          records.push({ key: record.key, value: record.value, timestamp: Number(batch.firstTimestamp + record.timestampDelta) });
          if (records.length > limit) return undefined;
          next = offset + 1n;
          advanced = true;
        }
        // Compaction leaves gaps, and control batches hold no records for us: move past the batch.
        const batchEnd = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n;
        if (batchEnd > next) {
          next = batchEnd;
          advanced = true;
        }
      }
      // An empty answer below the end means the log starts later (retention deleted the rest).
      if (!advanced) next = answer.logStartOffset > next ? answer.logStartOffset : end;
    }
  }
  return records;
}
