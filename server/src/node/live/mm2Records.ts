// MM2's own records, decoded as connect-mirror-client writes them (Heartbeat, Checkpoint): Kafka's
// protocol types — INT16 version header, STRING = INT16 length + UTF-8, INT32/INT64 big-endian.

export interface HeartbeatRecord {
  source: string;
  target: string;
  timestamp: number;
}

export interface CheckpointRecord {
  group: string;
  topic: string;
  partition: number;
}

class Cursor {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}
  int16(): number {
    const value = this.bytes.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }
  int32(): number {
    const value = this.bytes.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  int64(): bigint {
    const value = this.bytes.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }
  string(): string {
    const length = this.int16();
    if (length < 0 || this.offset + length > this.bytes.length) throw new RangeError('string past the end of the record');
    const value = this.bytes.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

/**
 * A heartbeat (key: source and target alias; value: version, timestamp); undefined for anything
 * else. Version 0 is the only one; a later one is read too (its timestamp first, as Kafka appends
 * fields), since reading none would report a running MM2 as stopped.
 */
export function decodeHeartbeat(key: Buffer | null, value: Buffer | null): HeartbeatRecord | undefined {
  if (!key || !value) return undefined;
  try {
    const keyCursor = new Cursor(key);
    const source = keyCursor.string();
    const target = keyCursor.string();
    const valueCursor = new Cursor(value);
    if (valueCursor.int16() < 0) return undefined;
    return { source, target, timestamp: Number(valueCursor.int64()) };
  } catch {
    return undefined;
  }
}

/** A checkpoint's key (group, topic in the target, partition); undefined for anything else. */
export function decodeCheckpointKey(key: Buffer | null): CheckpointRecord | undefined {
  if (!key) return undefined;
  try {
    const cursor = new Cursor(key);
    return { group: cursor.string(), topic: cursor.string(), partition: cursor.int32() };
  } catch {
    return undefined;
  }
}
