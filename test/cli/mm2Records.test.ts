// MM2's heartbeat and checkpoint records, encoded here byte by byte as connect-mirror-client's
// Heartbeat and Checkpoint write them (Kafka protocol types), and decoded as live mode reads them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCheckpointKey, decodeHeartbeat } from '../../server/src/node/live/mm2Records';

const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};
const string = (s: string) => Buffer.concat([int16(Buffer.byteLength(s)), Buffer.from(s, 'utf8')]);

describe('MM2 records', () => {
  it('decodes a heartbeat: key (source, target), value (version 0, timestamp)', () => {
    const key = Buffer.concat([string('K1'), string('K2')]);
    const value = Buffer.concat([int16(0), int64(1_765_000_000_123n)]);
    assert.deepEqual(decodeHeartbeat(key, value), { source: 'K1', target: 'K2', timestamp: 1_765_000_000_123 });
  });

  it('decodes a checkpoint key: group, topic in the target, partition', () => {
    const key = Buffer.concat([string('billing-ü'), string('K1.orders'), int32(7)]);
    assert.deepEqual(decodeCheckpointKey(key), { group: 'billing-ü', topic: 'K1.orders', partition: 7 });
  });

  it('reads a later heartbeat version by its leading timestamp', () => {
    const value = Buffer.concat([int16(1), int64(42n), string('a field Kafka might add')]);
    assert.deepEqual(decodeHeartbeat(Buffer.concat([string('K1'), string('K2')]), value), { source: 'K1', target: 'K2', timestamp: 42 });
  });

  it('reads nothing into records of other shapes: truncated, empty, a negative version', () => {
    assert.equal(decodeHeartbeat(Buffer.concat([string('K1')]), Buffer.concat([int16(0), int64(1n)])), undefined);
    assert.equal(decodeHeartbeat(Buffer.concat([string('K1'), string('K2')]), Buffer.concat([int16(-1), int64(1n)])), undefined);
    assert.equal(decodeHeartbeat(Buffer.concat([string('K1'), string('K2')]), int16(0)), undefined);
    assert.equal(decodeHeartbeat(null, null), undefined);
    assert.equal(decodeCheckpointKey(Buffer.concat([string('g'), int16(40), Buffer.from('short')])), undefined);
    assert.equal(decodeCheckpointKey(Buffer.alloc(0)), undefined);
  });
});
