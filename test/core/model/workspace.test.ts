import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../../../server/src/core';
import { readFile } from '../../../server/src/core/formats';
import { buildModel } from '../../../server/src/core/model/workspace';

const IDENTITY = 'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
const dc = (servers: string, flow: string) =>
  `clusters = K1, K2\nK1.bootstrap.servers = ${servers}-1:9092\nK2.bootstrap.servers = ${servers}-2:9092\n${IDENTITY}\n${flow}.enabled = true\n`;

describe('workspace analysis', () => {
  it('finds a loop whose flows live in two MM2 configs, with related locations and fixes in the other file', () => {
    const results = analyzeWorkspace([
      { uri: 'file:///dc1/mm2.properties', text: dc('prod', 'K2->K1') },
      { uri: 'file:///dc2/mm2.properties', text: dc('prod', 'K1->K2') },
    ]);
    const dc1 = results.get('file:///dc1/mm2.properties')!.findings.filter((f) => f.ruleId === 'replication-cycle');
    const dc2 = results.get('file:///dc2/mm2.properties')!.findings.filter((f) => f.ruleId === 'replication-cycle');
    assert.equal(dc1.length + dc2.length, 1, 'the loop is reported once');
    const [finding] = [...dc1, ...dc2];
    const other = dc1.length ? 'file:///dc2/mm2.properties' : 'file:///dc1/mm2.properties';
    assert.ok(finding.related.some((r) => r.uri === other), JSON.stringify(finding.related));
    const disable = finding.fixes.find((f) => f.title.startsWith('Disable flow'))!;
    assert.ok(disable.edits.every((e) => e.uri === undefined || e.uri === other));
  });

  it('keeps configs of different clusters apart even when they reuse aliases', () => {
    const results = analyzeWorkspace([
      { uri: 'file:///staging/mm2.properties', text: dc('staging', 'K2->K1') },
      { uri: 'file:///prod/mm2.properties', text: dc('prod', 'K1->K2') },
    ]);
    for (const analysis of results.values()) assert.deepEqual(analysis.findings.map((f) => f.ruleId).filter((id) => id !== 'internal-topics-replicated'), []);
  });

  it('binds a section of more topics than a call takes arguments (200,000)', () => {
    const mm2 = readFile('file:///w/mm2.properties', dc('prod', 'K1->K2'), 'mm2-properties');
    const topology = readFile('file:///w/k1.topology.yaml', 'kind: KafkaTopology\ncluster: K1\ntopics:\n  orders: { partitions: 3 }\n', 'kafka-topology');
    // Parsing a 20 MB file takes too long for a unit test: the one entry stands for 200,000.
    const [section] = topology.declarations!.sections;
    section.topics = Array.from({ length: 200_000 }, () => section.topics[0]);
    const model = buildModel([mm2, topology], { configChain: () => [], readText: () => undefined, kafkaVersion: () => undefined });
    assert.equal(model.declaredOf('file:///w/k1.topology.yaml')[0].clusters.get('K1')!.topics.length, 200_000);
  });
});
