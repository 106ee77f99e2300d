import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeProperties, analyzeWorkspace, applyEdits, type TextEdit } from '../../../server/src/core';
import { completeProperties } from '../../../server/src/core/formats/properties/complete';
import { locate } from '../../../server/src/core/service/locate';

const alias = fc.constantFrom('K1', 'K2', 'K3', 'us.east', 'dc_1', 'A', '', 'K1 ', 'x->y');
const property = fc.constantFrom(
  'enabled', 'topics', 'topics.exclude', 'topics.blacklist', 'groups', 'replication.policy.class', 'replication.policy.separator',
  'bootstrap.servers', 'security.protocol', 'producer.acks', 'sync.group.offsets.enabled', 'emit.heartbeats.enabled', 'replication.factor',
  'emit.checkpoints.interval.seconds', 'offset-syncs.topic.location', 'topics.exlude', 'clusters', 'tasks.max', '',
);
const value = fc.constantFrom(
  'true', 'false', 'yes', '.*', 'orders, payments', 'a{1,3}', '(a+)+$', '((((', '\\Qa.b\\E', '(?i)x', '[a-z&&[^x]]+', '1', '-1', '0', '5m',
  'org.apache.kafka.connect.mirror.IdentityReplicationPolicy', 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy', 'com.x.Y',
  '::', '_', '.', '', 'k1:9092', '${file:/x:y}', '\\u00zz', 'K1, K2, K3', 'us.east, eu', 'x'.repeat(300),
);
const line = fc.oneof(
  fc.tuple(alias, property, value).map(([a, p, v]) => `${a}.${p} = ${v}`),
  fc.tuple(alias, alias, property, value).map(([a, b, p, v]) => `${a}->${b}.${p} = ${v}`),
  fc.tuple(property, value).map(([p, v]) => `${p} = ${v}`),
  fc.tuple(alias, alias, alias).map(([a, b, c]) => `clusters = ${a}, ${b}, ${c}`),
  fc.constantFrom('# comment', '', '\\', 'key\\', '  continued \\', '=', ':::'),
);
const file = fc.array(line, { maxLength: 25 }).map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]));

const apply = (text: string, edits: TextEdit[]): string => applyEdits(text, edits.filter((e) => !e.uri));

describe('analyzer under random MM2-shaped input', () => {
  it('never throws, never reports an internal error, keeps every range in the text, and offers fixes that re-analyse', () => {
    fc.assert(
      fc.property(file, (text) => {
        const { findings, file: facts } = analyzeProperties(text);
        const config = facts.mm2!;
        const inside = (r: { start: number; end: number }) => r.start >= 0 && r.end <= text.length && r.start <= r.end;
        for (const finding of findings) {
          assert.notEqual(finding.ruleId, 'internal-error', finding.message);
          assert.ok(inside(finding.range), `${finding.ruleId} range out of the text`);
          for (const related of finding.related) if (!related.uri) assert.ok(inside(related.range));
          for (const fix of finding.fixes) {
            for (const edit of fix.edits) if (!edit.uri) assert.ok(inside(edit.range), `${fix.title} edits outside the text`);
            const fixed = analyzeProperties(apply(text, fix.edits));
            assert.ok(!fixed.findings.some((f) => f.ruleId === 'internal-error'));
          }
        }
        for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 7))) {
          completeProperties(text, config, offset);
          locate(config, offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('analyses random files together as a workspace without throwing', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), (texts) => {
        const results = analyzeWorkspace(texts.map((text, i) => ({ uri: `file:///f${i}.properties`, text, languageId: 'mm2-properties' })));
        for (const analysis of results.values()) assert.ok(!analysis.findings.some((f) => f.ruleId === 'internal-error'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('Strimzi YAML and Connect JSON sources under random input', () => {
  const yamlLine = fc.constantFrom(
    'apiVersion: kafka.strimzi.io/v1', 'apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaMirrorMaker2', 'spec:', '  replicas: "two"', '  replicas: 2',
    '  connectCluster: K2', '  target: {alias: K2, bootstrapServers: "k2:9092"}', '  mirrors:', '    - source: {alias: K1, bootstrapServers: "k1:9092"}',
    '      topicsPattern: "(a+)+$"', '      topicsExcludePattern: ".*"', '      sourceConnector:', '        config:', '          replication.policy.class: x',
    '          topics: "a{1,3}"', '      checkpointConnector: {config: {replication.policy.separator: "_"}}', '  clusters:', '    - alias: K1', '---', '- [', '{', '"', ': :', '\t',
  );
  const jsonPiece = fc.constantFrom(
    '{', '}', '"connector.class": "MirrorSourceConnector"', '"source.cluster.alias": "K1"', '"target.cluster.alias": "K2"', '"topics": "(a+)+$"',
    '"replication.policy.class": "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"', '"config": {', ',', ':', '"', '[', '1', 'true', 'null',
  );

  it('never throws or reports an internal error', () => {
    fc.assert(
      fc.property(fc.array(yamlLine, { maxLength: 30 }), fc.array(jsonPiece, { maxLength: 30 }), (yamlLines, jsonPieces) => {
        const results = analyzeWorkspace([
          { uri: 'file:///a.yaml', text: yamlLines.join('\n') },
          { uri: 'file:///b.json', text: jsonPieces.join(' ') },
        ]);
        for (const analysis of results.values()) {
          const text = analysis.file.text;
          for (const finding of analysis.findings) {
            assert.notEqual(finding.ruleId, 'internal-error', finding.message);
            assert.ok(finding.range.start >= 0 && finding.range.end <= text.length && finding.range.start <= finding.range.end, finding.ruleId);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('topology declarations under random input', () => {
  const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2-kafka-bootstrap:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\nK1->K2.topics = .*\nK2->K1.topics = orders, (a+)+$\n';
  const declarationLine = fc.constantFrom(
    'kind: KafkaTopology', 'cluster: K1', 'cluster: K2', 'cluster: [', 'clusters:', '  K1:', '  K2: {topics: {orders: {partitions: 3}}}', 'topics:',
    '  orders: { partitions: 12, config: { retention.ms: "1", min.insync.replicas: 2 } }', '  orders:', '    partitions: "x"', '    config:', '      cleanup.policy: compact',
    '  K1.orders: {}', '  K2.orders:', 'schemas:', '  - { subject: orders-value, file: ../../x.avsc }', '  - { subject: orders-value, file: "%%" }', '  - subject:',
    'consumers:', '  - { group: g, topics: [orders] }', '  - { group: g, pattern: "(a+)+$" }', '  - { group: g, pattern: "((" }', '  - { group: h, failover: [K2, K9] }',
    '    topics:', '      - orders', '      - K1.orders', 'producers:', '  - { name: p, topics: [K1.orders, orders, payments] }', '---', 'apiVersion: kafka.strimzi.io/v1',
    'kind: KafkaTopic', 'kind: KafkaUser', 'metadata: {name: orders, labels: {strimzi.io/cluster: k2}}', 'spec:', '  authorization:', '    acls:',
    '      - {resource: {type: group, name: g}, operations: [Read]}', '      - {resource: {type: topic, name: or, patternType: prefix}, operation: All}', '- [', ': :', '\t', '"',
  );
  const workspaceConfigLine = fc.constantFrom('schemaRegistry: shared', 'schemaRegistry: [', 'clusters:', '  K1: {paths: ["**/*", "[", "a/"], strimziCluster: k9}', 'rules: {x: error}', 'ignore: ["(["]', '::');

  it('never throws or reports an internal error, and fixes stay inside the files they edit', () => {
    fc.assert(
      fc.property(fc.array(declarationLine, { maxLength: 30 }), fc.array(declarationLine, { maxLength: 30 }), fc.array(workspaceConfigLine, { maxLength: 5 }), (a, b, c) => {
        const texts = new Map([
          ['/w/mm2.properties', mm2],
          ['/w/k1.topology.yaml', a.join('\n')],
          ['/w/k2/all.yaml', ['kind: KafkaTopology', ...b].join('\n')],
          ['/w/.mirrorlint.yaml', c.join('\n')],
        ]);
        const results = analyzeWorkspace([...texts].map(([uri, text]) => ({ uri, text })), { readText: () => '{"type": "string"}' });
        for (const [uri, analysis] of results) {
          for (const finding of analysis.findings) {
            assert.notEqual(finding.ruleId, 'internal-error', finding.message);
            const inside = (target: string, r: { start: number; end: number }) => r.start >= 0 && r.end <= texts.get(target)!.length && r.start <= r.end;
            assert.ok(inside(uri, finding.range), finding.ruleId);
            for (const edit of finding.fixes.flatMap((f) => f.edits)) assert.ok(inside(edit.uri ?? uri, edit.range), `${finding.ruleId}: edit outside ${edit.uri ?? uri}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
