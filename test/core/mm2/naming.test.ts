import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, isCycle, topicNameProblem } from '../../../server/src/core/mm2/policy';

const IDENTITY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';

describe('DefaultReplicationPolicy naming (table from apache/kafka DefaultReplicationPolicy)', () => {
  const table: [separator: string | undefined, topic: string, source: string | undefined, upstream: string | undefined, original: string][] = [
    [undefined, 'orders', undefined, undefined, 'orders'],
    [undefined, 'K1.orders', 'K1', 'orders', 'orders'],
    [undefined, 'K2.K1.orders', 'K2', 'K1.orders', 'orders'],
    [undefined, 'K1.', undefined, undefined, 'K1.'], // Java's split drops trailing empty strings
    [undefined, 'K1..orders', 'K1', '.orders', 'orders'], // '.orders' splits into '', 'orders': source ''
    ['_', 'K1_orders', 'K1', 'orders', 'orders'],
    ['_', 'K1.orders', undefined, undefined, 'K1.orders'],
    ['::', 'K2::K1::orders', 'K2', 'K1::orders', 'orders'],
  ];
  for (const [separator, topic, source, upstream, original] of table) {
    it(`${topic} (separator ${separator ?? '.'})`, () => {
      const policy = createPolicy({ separator });
      assert.equal(policy.topicSource(topic), source);
      assert.equal(policy.upstreamTopic(topic), upstream);
      assert.equal(policy.originalTopic(topic), original);
    });
  }

  it('formats remote names with the separator', () => {
    assert.equal(createPolicy({}).formatRemoteTopic('K1', 'orders'), 'K1.orders');
    assert.equal(createPolicy({ separator: '_' }).formatRemoteTopic('K1', 'orders'), 'K1_orders');
  });

  it('names internal topics, honouring replication.policy.internal.topic.separator.enabled', () => {
    const dot = createPolicy({});
    assert.equal(dot.checkpointsTopic('K1'), 'K1.checkpoints.internal');
    assert.equal(dot.offsetSyncsTopic('K2'), 'mm2-offset-syncs.K2.internal');
    const underscore = createPolicy({ separator: '_' });
    assert.equal(underscore.checkpointsTopic('K1'), 'K1_checkpoints_internal');
    assert.equal(underscore.offsetSyncsTopic('K2'), 'mm2-offset-syncs_K2_internal');
    const legacy = createPolicy({ separator: '_', internalTopicSeparatorEnabled: false });
    assert.equal(legacy.checkpointsTopic('K1'), 'K1.checkpoints.internal');
    assert.equal(legacy.heartbeatsTopic(), 'heartbeats');
  });

  it('detects internal topics as Kafka 3.x does', () => {
    const policy = createPolicy({ separator: '_', legacyInternalTopics: true });
    for (const topic of ['x.internal', 'x-internal', 'x_internal', '__consumer_offsets', '.hidden', 'K1_checkpoints_internal']) assert.ok(policy.isInternalTopic(topic), topic);
    for (const topic of ['orders', 'internal-audit', '_schemas']) assert.ok(!policy.isInternalTopic(topic), topic);
  });

  it('detects internal topics as Kafka 4.x does: MM2\'s own, checkpoints, __ and .', () => {
    const policy = createPolicy({ separator: '_' });
    for (const topic of ['mm2-offset-syncs_K1_internal', 'mm2x_internal', 'K1_checkpoints_internal', '__consumer_offsets', '.hidden']) assert.ok(policy.isInternalTopic(topic), topic);
    for (const topic of ['x.internal', 'x-internal', 'x_internal', 'mm2x-internal', 'mm2.internal', 'orders', '_schemas']) assert.ok(!policy.isInternalTopic(topic), topic);
  });

  it('recognises heartbeats topics through their original name', () => {
    const policy = createPolicy({});
    assert.ok(policy.isHeartbeatsTopic('heartbeats'));
    assert.ok(policy.isHeartbeatsTopic('K2.K1.heartbeats'));
    assert.ok(!policy.isHeartbeatsTopic('K1.heartbeats-extra'));
  });
});

describe('IdentityReplicationPolicy naming', () => {
  const policy = createPolicy({ className: IDENTITY, sourceAlias: 'K1' });
  it('keeps names, except heartbeats', () => {
    assert.equal(policy.kind, 'identity');
    assert.equal(policy.formatRemoteTopic('K1', 'orders'), 'orders');
    assert.equal(policy.formatRemoteTopic('K1', 'heartbeats'), 'K1.heartbeats');
  });
  it('reports the configured source alias and the topic itself as upstream', () => {
    assert.equal(policy.topicSource('orders'), 'K1');
    assert.equal(policy.upstreamTopic('orders'), 'orders');
    assert.equal(policy.topicSource('K2.heartbeats'), 'K2');
  });
  it('treats Strimzi\'s old identity class the same, and unknown classes as unknown', () => {
    assert.equal(createPolicy({ className: 'io.strimzi.kafka.connect.mirror.IdentityReplicationPolicy' }).kind, 'identity');
    assert.equal(createPolicy({ className: 'com.example.Policy' }).kind, 'unknown');
  });
});

describe('MirrorSourceConnector.isCycle', () => {
  const table: [policy: ReturnType<typeof createPolicy>, topic: string, target: string, cycle: boolean][] = [
    [createPolicy({}), 'orders', 'K1', false],
    [createPolicy({}), 'K1.orders', 'K1', true],
    [createPolicy({}), 'K2.K1.orders', 'K1', true],
    [createPolicy({}), 'K2.K1.orders', 'K3', false],
    [createPolicy({ className: IDENTITY, sourceAlias: 'K2' }), 'orders', 'K1', false],
    [createPolicy({ className: IDENTITY, sourceAlias: 'K2' }), 'orders', 'K2', true],
    [createPolicy({}), 'us.east.orders', 'us.east', false], // an alias with the separator defeats the check
  ];
  for (const [policy, topic, target, cycle] of table) {
    it(`${topic} into ${target} (${policy.kind}) is ${cycle ? '' : 'not '}a cycle`, () => assert.equal(isCycle(policy, topic, target), cycle));
  }
});

describe('topic name legality', () => {
  it('follows Kafka\'s rules', () => {
    assert.equal(topicNameProblem('K1.orders'), undefined);
    assert.match(topicNameProblem('K1::orders')!, /":"/);
    assert.match(topicNameProblem('x'.repeat(250))!, /250 characters/);
    assert.match(topicNameProblem('..')!, /reserved/);
  });
});
