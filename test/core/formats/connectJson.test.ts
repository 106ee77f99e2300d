import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../../../server/src/core';
import { mirrorConnectorOf, readConnectJson } from '../../../server/src/core/formats/connect/read';

const parseConnectJson = (text: string) => ({ config: readConnectJson('c.json', text).mm2! });

const IDENTITY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
const connector = (source: string, target: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
    'source.cluster.alias': source,
    'target.cluster.alias': target,
    'source.cluster.bootstrap.servers': `${source.toLowerCase()}:9092`,
    'target.cluster.bootstrap.servers': `${target.toLowerCase()}:9092`,
    'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
    'value.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
    ...extra,
  }, null, 2);

describe('Kafka Connect JSON source', () => {
  it('recognises Mirror connectors by connector.class, in the REST body or a bare map', () => {
    assert.equal(mirrorConnectorOf('{"config": {"connector.class": "org.apache.kafka.connect.mirror.MirrorCheckpointConnector"}}'), 'MirrorCheckpointConnector');
    assert.equal(mirrorConnectorOf('{"connector.class": "MirrorHeartbeatConnector"}'), 'MirrorHeartbeatConnector');
    assert.equal(mirrorConnectorOf('{"connector.class": "io.confluent.connect.s3.S3SinkConnector"}'), undefined);
    assert.equal(mirrorConnectorOf('not json at all'), undefined);
  });

  it('reads one flow with exact key and value ranges', () => {
    const text = connector('K1', 'K2', { topics: 'orders' });
    const { config } = parseConnectJson(text);
    assert.deepEqual(config.flows.map((f) => [f.id, f.enabled]), [['K1->K2', true]]);
    const topics = config.settings.find((e) => e.key === 'topics')!;
    assert.equal(text.slice(topics.keyRange.start, topics.keyRange.end), 'topics');
    assert.equal(text.slice(topics.valueRange.start, topics.valueRange.end), 'orders');
    assert.equal(config.bootstrapServers('K2'), 'k2:9092');
  });

  it('target.cluster.alias defaults to `target`, and a disabled or non-source connector replicates nothing', () => {
    assert.equal(parseConnectJson('{"connector.class":"MirrorSourceConnector","source.cluster.alias":"A"}').config.flows[0].id, 'A->target');
    assert.equal(parseConnectJson(connector('A', 'B', { enabled: false })).config.flows[0].enabled, false);
    assert.equal(parseConnectJson(connector('A', 'B', { 'connector.class': 'MirrorCheckpointConnector' })).config.flows[0].enabled, false);
  });

  it('finds the loop of two Identity connectors K1→K2 and K2→K1', () => {
    const results = analyzeWorkspace([
      { uri: 'k1.json', text: connector('K1', 'K2', { 'replication.policy.class': IDENTITY }) },
      { uri: 'k2.json', text: connector('K2', 'K1', { 'replication.policy.class': IDENTITY }) },
    ]);
    const cycles = [...results.values()].flatMap((a) => a.findings).filter((f) => f.ruleId === 'replication-cycle');
    assert.equal(cycles.length, 1);
    const defaults = analyzeWorkspace([{ uri: 'k1.json', text: connector('K1', 'K2') }, { uri: 'k2.json', text: connector('K2', 'K1') }]);
    assert.deepEqual([...defaults.values()].flatMap((a) => a.findings.map((f) => f.ruleId)).filter((id) => id !== 'internal-topics-replicated'), []);
  });

  it('validates values of any JSON type, with fixes written as JSON', () => {
    const text = connector('K1', 'K2', { 'sync.topic.acls.enabled': 'yes', 'tasks.max': 'four', 'topics.blacklist': 'tmp-.*' });
    const findings = analyzeWorkspace([{ uri: 'c.json', text }]).get('c.json')!.findings.filter((f) => f.ruleId !== 'internal-topics-replicated');
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['deprecated-property', 'invalid-value', 'invalid-value']);
    for (const finding of findings) for (const fix of finding.fixes.filter((f) => !f.suppression)) for (const edit of fix.edits) assert.ok(edit.range.end > edit.range.start && edit.newText !== '');
  });
});
