import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit } from '../../../server/src/core';
import { readConnectJson } from '../../../server/src/core/formats/connect/read';
import { readPropertiesFile } from '../../../server/src/core/formats/properties/read';
import { readYamlFile } from '../../../server/src/core/formats/yaml/read';

const apply = (text: string, edit: TextEdit | undefined): string => {
  assert.ok(edit, 'the writer has an edit');
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
};

describe('properties writer', () => {
  const text = 'clusters = A, B\nA->B.enabled = true\nA->B.topics = orders\n# end\n';
  const file = readPropertiesFile('mm2.properties', text);
  const flow = file.mm2!.flows.find((f) => f.id === 'A->B')!;

  it('replaces a flow setting in place, escaped for Properties.load', () => {
    assert.equal(apply(text, file.writer.setFlowValue(flow, 'topics', 'a\\.b, c')), 'clusters = A, B\nA->B.enabled = true\nA->B.topics = a\\\\.b, c\n# end\n');
  });

  it('inserts a missing flow setting after the flow\'s last one', () => {
    assert.equal(apply(text, file.writer.setFlowValue(flow, 'topics.exclude', 'x')), 'clusters = A, B\nA->B.enabled = true\nA->B.topics = orders\nA->B.topics.exclude = x\n# end\n');
  });

  it('removes a setting with its line, and adds a cluster to the list', () => {
    const topics = file.mm2!.byKey.get('A->B.topics')!;
    assert.equal(apply(text, file.writer.remove(topics)), 'clusters = A, B\nA->B.enabled = true\n# end\n');
    assert.equal(apply(text, file.writer.addCluster('C')), 'clusters = A, B, C\nA->B.enabled = true\nA->B.topics = orders\n# end\n');
  });
});

describe('Connect JSON writer', () => {
  const body = '{\n  "name": "a-to-b",\n  "config": {\n    "connector.class": "MirrorSourceConnector",\n    "source.cluster.alias": "A",\n    "target.cluster.alias": "B",\n    "tasks.max": 4\n  }\n}\n';
  const file = readConnectJson('c.json', body);
  const flow = file.mm2!.flows[0];

  it('inserts a member into the config object, indented like its siblings', () => {
    assert.equal(
      apply(body, file.writer.setFlowValue(flow, 'topics.exclude', 'orders\\..*')),
      '{\n  "name": "a-to-b",\n  "config": {\n    "connector.class": "MirrorSourceConnector",\n    "source.cluster.alias": "A",\n    "target.cluster.alias": "B",\n    "tasks.max": 4,\n    "topics.exclude": "orders\\\\..*"\n  }\n}\n',
    );
  });

  it('keeps a number a number, writes strings escaped, and refuses another pair or connector', () => {
    const tasks = file.mm2!.settings.find((s) => s.key === 'tasks.max')!;
    assert.equal(apply(body, file.writer.setValue(tasks, '8')), body.replace('"tasks.max": 4', '"tasks.max": 8'));
    assert.equal(apply(body, file.writer.setValue(tasks, 'many')), body.replace('"tasks.max": 4', '"tasks.max": "many"'));
    assert.equal(file.writer.setFlowValue({ id: 'B->A', source: 'B', target: 'A' }, 'topics', 'x'), undefined);
    assert.equal(file.writer.setFlowValue(flow, 'sync.group.offsets.enabled', 'true', 'checkpoint'), undefined);
  });

  it('inserts into a bare config map too', () => {
    const bare = '{"connector.class": "MirrorSourceConnector", "source.cluster.alias": "A"}';
    const facts = readConnectJson('c.json', bare);
    assert.deepEqual(JSON.parse(apply(bare, facts.writer.setFlowValue(facts.mm2!.flows[0], 'enabled', 'false'))), { 'connector.class': 'MirrorSourceConnector', 'source.cluster.alias': 'A', enabled: 'false' });
  });
});

describe('Strimzi YAML writer', () => {
  const yaml = [
    'apiVersion: kafka.strimzi.io/v1',
    'kind: KafkaMirrorMaker2',
    'metadata: { name: mm2 }',
    'spec:',
    '  target: { alias: B, bootstrapServers: "b:9092" }',
    '  mirrors:',
    '    - source: { alias: A, bootstrapServers: "a:9092" }',
    '      topicsPattern: "orders.*"',
    '      sourceConnector:',
    '        config:',
    '          replication.factor: 3',
    '      checkpointConnector: {}',
    '',
  ].join('\n');
  const file = readYamlFile('mm2.yaml', yaml);
  const flow = file.mm2!.flows[0];

  it('writes topic filters into the mirror\'s pattern fields, single-quoted', () => {
    assert.equal(apply(yaml, file.writer.setFlowValue(flow, 'topics', 'a.*')), yaml.replace('topicsPattern: "orders.*"', 'topicsPattern: "a.*"'));
    assert.ok(apply(yaml, file.writer.setFlowValue(flow, 'topics.exclude', 'x\\.y')).includes('      checkpointConnector: {}\n      topicsExcludePattern: \'x\\.y\'\n'));
  });

  it('writes other settings into the config of the connector that reads them, creating it when absent', () => {
    assert.ok(apply(yaml, file.writer.setFlowValue(flow, 'enabled', 'false')).includes('          replication.factor: 3\n          enabled: false\n'));
    assert.ok(apply(yaml, file.writer.setFlowValue(flow, 'sync.group.offsets.enabled', 'true', 'checkpoint')).includes('checkpointConnector: {config: {sync.group.offsets.enabled: true}}'));
  });

  it('removes a setting\'s whole line', () => {
    const factor = file.mm2!.settings.find((s) => s.key === 'replication.factor')!;
    assert.ok(!apply(yaml, file.writer.remove(factor)).includes('replication.factor'));
    assert.ok(apply(yaml, file.writer.remove(factor)).includes('        config:\n      checkpointConnector'));
  });
});
