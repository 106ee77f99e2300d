import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { analyzeProperties, analyzeWorkspace, LanguageService } from '../../../server/src/core';
import { completeDeclarationKey, describeKey } from '../../../server/src/core/formats/yaml/schemaSupport';
import { declaresTopology, parseDeclarations, topicOfSubject } from '../../../server/src/core/formats/yaml/declarations';
import { directoryOf, relativePath, relativeTo, resolveFrom } from '../../../server/src/core/base/paths';
import { aliasForPath, isIgnored, parseWorkspaceConfig } from '../../../server/src/core/formats/mirrorlintConfig/read';
import { addToSection, appendItems, insertPair, setIn, yamlScalar } from '../../../server/src/core/formats/yaml/edits';
import { subscriptionPattern } from '../../../server/src/core/lint/rules/declarations/consumer-missing-remote-topics';
import { patternMatcher } from '../../../server/src/core/lint/rules/declarations/facts';
import type { TextEdit } from '../../../server/src/core';

const apply = (text: string, edit: TextEdit): string => text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);

describe('KafkaTopology and Strimzi declarations', () => {
  it('reads a one-cluster KafkaTopology with ranges', () => {
    const text = [
      'kind: KafkaTopology',
      'cluster: K1',
      'topics:',
      '  orders: { partitions: 12, replicas: 3, config: { retention.ms: "604800000", cleanup.policy: delete } }',
      '  audit-log:',
      'schemas:',
      '  - { subject: orders-value, type: AVRO, file: schemas/orders.avsc }',
      '  - { subject: com.acme.Payment, topic: payments }',
      'consumers:',
      '  - { group: billing, topics: [orders] }',
      '  - { group: audit, pattern: "^(K2\\\\.)?orders$", localOnly: true, failover: [K2] }',
      'producers:',
      '  - { name: checkout, topics: [orders] }',
    ].join('\n');
    const file = parseDeclarations('k1.yaml', text);
    assert.equal(file.format, 'kafka-topology');
    const [section] = file.sections;
    assert.equal(section.alias?.value, 'K1');
    assert.deepEqual(section.topics.map((t) => t.name), ['orders', 'audit-log']);
    const orders = section.topics[0];
    assert.equal(orders.partitions?.value, 12);
    assert.equal(orders.replicas?.value, 3);
    assert.deepEqual([...orders.config].map(([k, v]) => [k, v.value]), [['retention.ms', '604800000'], ['cleanup.policy', 'delete']]);
    assert.equal(text.slice(orders.config.get('retention.ms')!.range.start, orders.config.get('retention.ms')!.range.end), '604800000');
    assert.deepEqual(section.schemas.map((s) => [s.subject, s.topic, s.file?.value]), [['orders-value', 'orders', 'schemas/orders.avsc'], ['com.acme.Payment', 'payments', undefined]]);
    assert.deepEqual(section.consumers.map((c) => [c.group, c.topics?.map((t) => t.value), c.pattern?.value, c.localOnly, c.failover.map((f) => f.value)]), [
      ['billing', ['orders'], undefined, false, []],
      ['audit', undefined, '^(K2\\.)?orders$', true, ['K2']],
    ]);
    assert.equal(text.slice(section.consumers[0].groupRange.start, section.consumers[0].groupRange.end), 'billing');
    assert.deepEqual(section.producers.map((p) => [p.name, p.topics.map((t) => t.value)]), [['checkout', ['orders']]]);
  });

  it('reads `clusters:` with several clusters in one file', () => {
    const file = parseDeclarations('all.yaml', 'kind: KafkaTopology\nclusters:\n  K1: { topics: { orders: {} } }\n  K2:\n    topics:\n      orders:\n');
    assert.deepEqual(file.sections.map((s) => [s.alias?.value, s.topics.map((t) => t.name)]), [['K1', ['orders']], ['K2', ['orders']]]);
  });

  it('reads KafkaTopic (topicName wins over metadata.name) and KafkaUser ACLs (group + topic Read, prefix, deny ignored)', () => {
    const text = `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata: { name: payments-v2, labels: { strimzi.io/cluster: dc2 } }
spec: { topicName: Payments_V2, partitions: 6, config: { retention.ms: 86400000 } }
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata: { name: app, labels: { strimzi.io/cluster: dc2 } }
spec:
  authorization:
    type: simple
    acls:
      - { resource: { type: topic, name: orders, patternType: prefix }, operations: [Read] }
      - { resource: { type: topic, name: refunds }, operation: Read }
      - { resource: { type: topic, name: secrets }, operations: [Read], type: deny }
      - { resource: { type: topic, name: audit }, operations: [Write] }
      - { resource: { type: group, name: billing }, operations: [Read] }
`;
    const file = parseDeclarations('r.yaml', text);
    assert.equal(file.format, 'strimzi-resources');
    const [topic, user] = file.sections;
    assert.equal(topic.strimziCluster?.value, 'dc2');
    assert.equal(topic.strimziApiVersion, 'kafka.strimzi.io/v1');
    assert.deepEqual([topic.topics[0].name, topic.topics[0].partitions?.value, topic.topics[0].config.get('retention.ms')?.value], ['Payments_V2', 6, '86400000']);
    const [consumer] = user.consumers;
    assert.equal(consumer.group, 'billing');
    assert.equal(consumer.origin, 'kafka-user');
    assert.deepEqual(consumer.topics?.map((t) => t.value), ['refunds']);
    assert.deepEqual(consumer.prefixes?.map((t) => t.value), ['orders']);
  });

  it('reads IBM Event Streams\' KafkaTopic and KafkaUser (eventstreams.ibm.com, its cluster label) as Strimzi\'s', () => {
    const text = `apiVersion: eventstreams.ibm.com/v1beta2
kind: KafkaTopic
metadata: { name: orders, labels: { eventstreams.ibm.com/cluster: es2 } }
spec: { partitions: 3 }
---
apiVersion: eventstreams.ibm.com/v1beta1
kind: KafkaUser
metadata: { name: app, labels: { eventstreams.ibm.com/cluster: es2 } }
spec: { authorization: { type: simple, acls: [{ resource: { type: group, name: billing }, operations: [Read] }, { resource: { type: topic, name: orders }, operations: [Read] }] } }
`;
    const [topic, user] = parseDeclarations('r.yaml', text).sections;
    assert.deepEqual([topic.strimziCluster?.value, topic.strimziApiVersion, topic.topics[0].name], ['es2', 'eventstreams.ibm.com/v1beta2', 'orders']);
    assert.deepEqual([user.strimziCluster?.value, user.consumers[0].group], ['es2', 'billing']);
  });

  it('reads the Aiven operator\'s KafkaTopic (underscore config keys as Kafka\'s) and KafkaSchema (the schema inline)', () => {
    const text = `apiVersion: aiven.io/v1alpha1
kind: KafkaTopic
metadata: { name: orders-topic }
spec: { project: acme, serviceName: kafka-eu, topicName: orders, partitions: 6, replication: 3, config: { retention_ms: 604800000, min_insync_replicas: 2 } }
---
apiVersion: aiven.io/v1alpha1
kind: KafkaSchema
metadata: { name: orders-value }
spec: { project: acme, serviceName: kafka-eu, subjectName: orders-value, schemaType: JSON, schema: '{"type": "object"}' }
`;
    const [topicSection, schemaSection] = parseDeclarations('a.yaml', text).sections;
    assert.equal(topicSection.aivenService?.value, 'kafka-eu');
    const [topic] = topicSection.topics;
    assert.deepEqual([topic.name, topic.partitions?.value, topic.replicas?.value, [...topic.config.keys()]], ['orders', 6, 3, ['retention.ms', 'min.insync.replicas']]);
    assert.deepEqual(schemaSection.schemas.map((s) => [s.subject, s.type, s.content, s.topic]), [['orders-value', 'JSON', '{"type": "object"}', 'orders']]);
  });

  it('declares a missing topic in Event Streams resources with Event Streams\' label', () => {
    const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = es2-kafka-bootstrap:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\n';
    const k1 = 'kind: KafkaTopology\ncluster: K1\ntopics:\n  payments: { partitions: 6 }\nproducers:\n  - { name: checkout, topics: [payments] }\n';
    const k2 = 'apiVersion: eventstreams.ibm.com/v1beta2\nkind: KafkaTopic\nmetadata: { name: orders, labels: { eventstreams.ibm.com/cluster: es2 } }\nspec: { partitions: 3 }\n';
    const analysis = analyzeWorkspace([{ uri: 'file:///w/mm2.properties', text: mm2 }, { uri: 'file:///w/k1.topology.yaml', text: k1 }, { uri: 'file:///w/k2.yaml', text: k2 }]);
    const finding = analysis.get('file:///w/k1.topology.yaml')!.findings.find((f) => f.ruleId === 'topic-missing-in-peer')!;
    const [edit] = finding.fixes.find((f) => f.title.startsWith('Declare'))!.edits;
    assert.equal(edit.uri, 'file:///w/k2.yaml');
    assert.equal(apply(k2, edit), `${k2}---\napiVersion: eventstreams.ibm.com/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: payments\n  labels:\n    eventstreams.ibm.com/cluster: es2\nspec:\n  partitions: 6\n`);
  });

  it('reads a JulieOps descriptor with JulieOps\' default topic names, consumers as ACL grants and schema subjects', () => {
    const text = `context: "ctx"
company: "acme"
env: "prod"
projects:
  - name: "proj"
    consumers:
      - { principal: "User:a", group: "billing" }
      - { principal: "User:b" }
    topics:
      - name: "orders"
        dataType: "avro"
        config: { replication.factor: "3", num.partitions: "6", retention.ms: "1000" }
        schemas: { value.schema.file: "schemas/orders.avsc" }
      - name: "audit"
        consumers: [{ principal: "User:c", group: "auditor" }]
`;
    const file = parseDeclarations('file:///w/dc1/topology.yaml', text);
    assert.equal(file.format, 'julieops');
    const [section] = file.sections;
    assert.deepEqual(section.topics.map((t) => [t.name, t.partitions?.value, t.replicas?.value, [...t.config.keys()]]), [['ctx.acme.prod.proj.orders.avro', 6, 3, ['retention.ms']], ['ctx.acme.prod.proj.audit', undefined, undefined, []]]);
    assert.equal(text.slice(section.topics[0].nameRange.start, section.topics[0].nameRange.end), 'orders');
    // The group-less consumer gets every group (*): no group is declared for it.
    assert.deepEqual(section.consumers.map((c) => [c.group, c.prefixes?.map((p) => p.value), c.topics?.map((t) => t.value)]), [['billing', ['ctx.acme.prod.proj.'], []], ['auditor', [], ['ctx.acme.prod.proj.audit']]]);
    assert.deepEqual(section.schemas.map((s) => [s.subject, s.file?.value]), [['ctx.acme.prod.proj.orders.avro-value', 'schemas/orders.avsc']]);
  });

  it('reads a kafka-gitops state file: topics, application consumers (group = service name), subjects', () => {
    const text = `settings:
  topics: { defaults: { replication: 3 } }
topics:
  orders: { partitions: 6, replication: 3, configs: { cleanup.policy: compact } }
services:
  billing: { type: application, principal: "User:billing", consumes: [orders], produces: [invoices] }
  etl: { type: kafka-streams, principal: "User:etl" }
  idle: { type: application, produces: [orders] }
schemas:
  orders-value: { type: avro, file: orders.avsc, subjects: [orders-value] }
`;
    const file = parseDeclarations('file:///w/dc1/state.yaml', text);
    assert.equal(file.format, 'kafka-gitops');
    const [section] = file.sections;
    assert.deepEqual(section.topics.map((t) => [t.name, t.partitions?.value, t.replicas?.value, t.config.get('cleanup.policy')?.value]), [['orders', 6, 3, 'compact']]);
    assert.deepEqual(section.consumers.map((c) => [c.group, c.topics?.map((t) => t.value)]), [['billing', ['orders']]]);
    assert.deepEqual(section.schemas.map((s) => [s.subject, s.type, s.topic]), [['orders-value', 'AVRO', 'orders']]);
  });

  it('does not take other YAML with `topics` and `services` for a kafka-gitops state file', () => {
    assert.equal(declaresTopology('services:\n  web:\n    image: nginx\ntopics:\n  - a\n'), false);
    assert.equal(declaresTopology('kind: KafkaTopology\ncluster: K1\ntopics: {}\n'), true);
    assert.equal(parseDeclarations('u', 'kind: KafkaTopology\ncluster: K1\ntopics: { a: {} }\nservices: { x: { type: application } }\n').format, 'kafka-topology');
  });

  it('never throws on broken YAML and reads what it can', () => {
    for (const text of ['kind: KafkaTopology\ncluster: [', 'kind: KafkaTopology\ntopics: 3\nconsumers: {a: 1}\nproducers: [1, {name: x, topics: 5}]', '\u0000\u0001kind: KafkaTopology', 'kind: KafkaTopology\n' + 'a:\n  '.repeat(500)]) {
      const file = parseDeclarations('x.yaml', text);
      assert.ok(Array.isArray(file.sections));
    }
  });

  it('derives topics from TopicNameStrategy subjects only', () => {
    assert.equal(topicOfSubject('orders-value'), 'orders');
    assert.equal(topicOfSubject('K1.orders-key'), 'K1.orders');
    assert.equal(topicOfSubject('com.acme.Order'), undefined);
  });
});

describe('.mirrorlint.yaml', () => {
  const config = parseWorkspaceConfig('file:///repo/.mirrorlint.yaml', `
clusters:
  K1: { paths: [clusters/dc1/], strimziCluster: kafka-dc1 }
  K2: { paths: "clusters/dc2/**/*.yaml" }
schemaRegistry: shared
rules: { topic-config-drift: info, bogus: loud }
ignore: [generated/**]
`);

  it('maps folders and globs to aliases, relative to its own folder', () => {
    assert.equal(aliasForPath(config, 'file:///repo/clusters/dc1/topics/orders.yaml'), 'K1');
    assert.equal(aliasForPath(config, 'file:///repo/clusters/dc2/a/b.yaml'), 'K2');
    assert.equal(aliasForPath(config, 'file:///repo/clusters/dc2/a/b.json'), undefined);
    assert.equal(aliasForPath(config, 'file:///elsewhere/clusters/dc1/x.yaml'), undefined);
    assert.equal(config.clusters[0].strimziCluster, 'kafka-dc1');
  });

  it('reads registry sharing, valid severities and ignores', () => {
    assert.equal(config.schemaRegistry, 'shared');
    assert.deepEqual(config.rules, { 'topic-config-drift': 'info' });
    assert.ok(isIgnored(config, 'file:///repo/generated/x.yaml'));
    assert.ok(!isIgnored(config, 'file:///repo/clusters/x.yaml'));
  });

  it('its severities and ignores apply to the files below it', () => {
    const files = [
      { uri: '/r/.mirrorlint.yaml', text: 'rules: { unknown-property: error }\nignore: [old/**]\n' },
      { uri: '/r/a.mm2.properties', text: 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\ntopics.exlude = x\n' },
      { uri: '/r/old/b.mm2.properties', text: 'clusters = A, B\nA.bootstrap.servers = b:1\nB.bootstrap.servers = c:1\ntopics.exlude = x\n' },
    ];
    const results = analyzeWorkspace(files, { severities: { 'unknown-property': 'info' } });
    assert.deepEqual(results.get('/r/a.mm2.properties')!.findings.map((f) => `${f.ruleId} ${f.severity}`), ['unknown-property error']);
    assert.ok(!results.has('/r/old/b.mm2.properties'));
  });
});

describe('paths between declaration files', () => {
  it('resolves and relativises URIs and plain paths', () => {
    assert.equal(resolveFrom('file:///repo/k1/topology.yaml', 'schemas/a b.avsc'), 'file:///repo/k1/schemas/a%20b.avsc');
    assert.equal(resolveFrom('/repo/k1/topology.yaml', '../shared/./a.avsc'), '/repo/shared/a.avsc');
    assert.equal(relativePath('file:///repo/k2/topology.yaml', 'file:///repo/k1/schemas/a.avsc'), '../k1/schemas/a.avsc');
    assert.equal(relativePath('/repo/topology.yaml', '/repo/schemas/a.avsc'), 'schemas/a.avsc');
    assert.equal(relativeTo('file:///repo', 'file:///repo/x%20y/z.yaml'), 'x y/z.yaml');
    assert.equal(directoryOf('C:\\repo\\a.yaml'), 'C:/repo');
  });
});

describe('YAML edits keep the rest of the file', () => {
  const mapAt = (text: string, path: string[]): YAMLMap => parseDocument(text).getIn(path, true) as YAMLMap;

  it('adds a key to block and flow maps at their indentation, keeping comments', () => {
    const block = 'topics:\n  # K2 topics\n  orders:\n    partitions: 12  # fixed\nproducers: []\n';
    const edit = insertPair(block, mapAt(block, ['topics']), 'payments', '{partitions: 6}', '\n');
    assert.equal(apply(block, edit), 'topics:\n  # K2 topics\n  orders:\n    partitions: 12  # fixed\n  payments: {partitions: 6}\nproducers: []\n');
    const flow = 'topics: { orders: {partitions: 1} }\n';
    assert.equal(apply(flow, insertPair(flow, mapAt(flow, ['topics']), 'payments', '{}', '\n')), 'topics: { orders: {partitions: 1}, payments: {} }\n');
    const empty = 'topics: {}\n';
    assert.equal(apply(empty, insertPair(empty, mapAt(empty, ['topics']), 'orders', '{}', '\n')), 'topics: {orders: {}}\n');
  });

  it('sets nested values in place or adds the missing keys, in CRLF files too', () => {
    const text = 'orders:\r\n  partitions: 12\r\n  config:\r\n    retention.ms: "1"\r\n';
    const orders = mapAt(text, ['orders']);
    assert.equal(apply(text, setIn(text, orders, ['config', 'retention.ms'], '"2"', '\r\n')), 'orders:\r\n  partitions: 12\r\n  config:\r\n    retention.ms: "2"\r\n');
    assert.equal(apply(text, setIn(text, orders, ['config', 'cleanup.policy'], 'compact', '\r\n')), 'orders:\r\n  partitions: 12\r\n  config:\r\n    retention.ms: "1"\r\n    cleanup.policy: compact\r\n');
    const bare = 'orders: {partitions: 3}\n';
    assert.equal(apply(bare, setIn(bare, mapAt(bare, ['orders']), ['config', 'retention.ms'], '"5"', '\n')), 'orders: {partitions: 3, config: {retention.ms: "5"}}\n');
    const nullValue = 'orders:\n  config:\nother: 1\n';
    assert.equal(apply(nullValue, setIn(nullValue, mapAt(nullValue, ['orders']), ['config', 'x'], '1', '\n')), 'orders:\n  config: {x: 1}\nother: 1\n');
  });

  it('appends list items in one edit, and creates a missing list', () => {
    const text = 'consumers:\n  - group: a\n    topics:\n      - orders   # main\nproducers: []\n';
    const seq = parseDocument(text).getIn(['consumers', 0, 'topics'], true) as YAMLSeq;
    assert.equal(apply(text, appendItems(text, seq, ['K1.orders', 'K3.orders'], '\n')), 'consumers:\n  - group: a\n    topics:\n      - orders   # main\n      - K1.orders\n      - K3.orders\nproducers: []\n');
    const root = 'kind: KafkaTopology\ncluster: K2  # peer\n';
    const body = parseDocument(root).contents as YAMLMap;
    assert.equal(apply(root, addToSection(root, body, 'schemas', { item: '{subject: a}' }, '\n')), 'kind: KafkaTopology\ncluster: K2  # peer\nschemas:\n  - {subject: a}\n');
  });

  it('quotes scalars that YAML would read as something else', () => {
    assert.deepEqual(['orders', '604800000', 'true', '.5', '../a.avsc', 'a b', 'K1.orders'].map(yamlScalar), ['orders', '"604800000"', '"true"', '".5"', '../a.avsc', '"a b"', 'K1.orders']);
  });
});

describe('prefix-aware subscription patterns', () => {
  it('are built from the names the flows produce and match nothing else', () => {
    const pattern = subscriptionPattern(['orders', 'payments'], new Map([['orders', ['K1.orders']], ['payments', ['K1.payments']]]))!;
    assert.equal(pattern, '(K1\\.)?(orders|payments)');
    const matches = patternMatcher(pattern)!;
    assert.deepEqual(['orders', 'K1.orders', 'payments', 'K1.payments', 'K1.K2.orders', 'K2.orders', 'xorders', 'K1xorders'].map(matches), [true, true, true, true, false, false, false, false]);
    assert.equal(subscriptionPattern(['orders'], new Map([['orders', ['K1_orders', 'K3_orders']]])), '(K1_|K3_)?orders');
    assert.equal(subscriptionPattern(['orders', 'audit'], new Map([['orders', ['K1.orders']]])), '(K1\\.)?orders|audit');
    assert.equal(subscriptionPattern(['orders'], new Map([['orders', ['orders.from.K1']]])), undefined, 'a suffixing policy gets no prefix pattern');
  });
});

describe('editor support for declarations, from the schemas', () => {
  it('completes the keys the schema allows at the cursor, minus those already there', () => {
    const text = 'kind: KafkaTopology\ncluster: K1\ntopics:\n  orders:\n    partitions: 3\n    \n';
    const offset = text.indexOf('    \n') + 4;
    const file = parseDeclarations('k1.topology.yaml', text);
    assert.deepEqual(completeDeclarationKey(file, offset).map((c) => c.label), ['replicas', 'config']);
    const top = 'kind: KafkaTopology\n\n';
    assert.deepEqual(completeDeclarationKey(parseDeclarations('x.yaml', top), top.length - 1).map((c) => c.label), ['cluster', 'clusters', 'topics', 'schemas', 'consumers', 'producers']);
    const item = 'kind: KafkaTopology\nconsumers:\n  - group: billing\n    \n';
    assert.deepEqual(completeDeclarationKey(parseDeclarations('x.yaml', item), item.indexOf('    \n') + 4).map((c) => c.label), ['topics', 'pattern', 'localOnly', 'failover']);
  });

  it('documents keys from the schema, and .mirrorlint.yaml too', () => {
    const text = 'kind: KafkaTopology\nconsumers:\n  - { group: billing, localOnly: true }\n';
    const hover = describeKey(parseDeclarations('x.yaml', text), text.indexOf('localOnly') + 2)!;
    assert.match(hover.markdown, /^\*\*localOnly\*\*\n\nThe group reads this cluster's own data only/);
    assert.deepEqual(hover.key.path, ['consumers', 0, 'localOnly']);
    const config = 'schemaRegistry: shared\n';
    const file = analyzeWorkspace([{ uri: '/r/.mirrorlint.yaml', text: config }]).get('/r/.mirrorlint.yaml')!.file.declarations!;
    assert.match(describeKey(file, 3)!.markdown, /One of: `shared`, `separate`/);
  });
});

describe('severity precedence', () => {
  it('editor settings < .mirrorlint.yaml < forced (command-line) overrides', () => {
    const files = [
      { uri: '/p/.mirrorlint.yaml', text: 'rules: { unknown-property: error }\n' },
      { uri: '/p/a.mm2.properties', text: 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\ntopics.exlude = x\n' },
    ];
    const severity = (options: Parameters<typeof analyzeWorkspace>[1]) => analyzeWorkspace(files, options).get('/p/a.mm2.properties')!.findings.map((f) => f.severity);
    assert.deepEqual(severity({ severities: { 'unknown-property': 'info' } }), ['error']);
    assert.deepEqual(severity({ forcedSeverities: { 'unknown-property': 'off' } }), []);
  });
});

describe('suppression comments', () => {
  const text = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\n# mirrorlint-disable-next-line unknown-property\ntopics.exlude = a\ntopics.exlude = b\n';
  it('silence exactly one finding', () => {
    const without = analyzeProperties(text.replace('# mirrorlint-disable-next-line unknown-property\n', '')).findings.filter((f) => f.ruleId === 'unknown-property');
    const withComment = analyzeProperties(text).findings;
    assert.equal(without.length, 2);
    assert.equal(withComment.filter((f) => f.ruleId === 'unknown-property').length, 1);
    assert.equal(withComment.find((f) => f.ruleId === 'unknown-property')!.range.start, text.indexOf('topics.exlude = b'));
  });

  it('report an unused one, and offer "Disable <rule> for this line" on the others', () => {
    const unused = analyzeProperties('clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\n# mirrorlint-disable-next-line unknown-property\ntopics.exclude = a\n').findings;
    assert.deepEqual(unused.map((f) => f.ruleId), ['unused-suppression']);
    const plain = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\n  topics.exlude = a\n';
    const [finding] = analyzeProperties(plain).findings;
    const disable = finding.fixes.find((f) => f.suppression)!;
    assert.equal(disable.title, 'Disable unknown-property for this line');
    const fixed = apply(plain, disable.edits[0]);
    assert.equal(fixed, 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\n  # mirrorlint-disable-next-line unknown-property\n  topics.exlude = a\n');
    assert.deepEqual(analyzeProperties(fixed).findings, []);
  });

  it('offer "Disable <rule> for the entire file": a comment on the first line, or the rule added to the one there', () => {
    const plain = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\ntopics.exlude = a\nK3.security.protocol = SSL\n';
    const fileFix = (text: string, ruleId: string) => analyzeProperties(text).findings.find((f) => f.ruleId === ruleId)!.fixes.find((f) => f.title === `Disable ${ruleId} for the entire file`)!;
    const once = apply(plain, fileFix(plain, 'unknown-property').edits[0]);
    assert.equal(once, `# mirrorlint-disable unknown-property\n${plain}`);
    const twice = apply(once, fileFix(once, 'unknown-cluster').edits[0]);
    assert.equal(twice, `# mirrorlint-disable unknown-property, unknown-cluster\n${plain}`);
    assert.deepEqual(analyzeProperties(twice).findings, []);
  });

  it('offer no comment inside a continued value, where it would become part of the value', () => {
    const continued = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK1->K1.topics = a, \\\n  b{1,\n';
    for (const finding of analyzeProperties(continued).findings) {
      const line = continued.slice(0, finding.range.start).split('\n').length - 1;
      if (line === 3) assert.ok(!finding.fixes.some((f) => f.suppression && f.title.endsWith('for this line')), finding.message);
    }
  });
});

describe('editor settings as a config below .mirrorlint.yaml', () => {
  const mm2 = { uri: 'file:///ws/mm2.properties', text: 'clusters = K1, K2\nK1.bootstrap.servers = k1:1\nK2.bootstrap.servers = k2:1\nK1->K2.enabled = true\nK2->K1.enabled = true\n' };
  const dc = { uri: 'file:///ws/dc/topology.yaml', text: 'kind: KafkaTopology\ntopics:\n  orders: {}\n' };
  const old = { uri: 'file:///ws/old/mm2.properties', text: 'clusters = X\nX.bootstrap.servers = x:1\ntopics.exlude = y\n' };
  const settings = { folders: [{ uri: 'file:///ws/', settings: { rules: {}, ignore: ['old/**'], clusters: { K2: { paths: ['dc/'] } } } }] };
  const analyse = (files: { uri: string; text: string }[]) => new LanguageService({ readText: () => undefined }).analyze(files, settings).analysis;
  const clusterOf = (analysis: ReturnType<typeof analyse>) => [...(analysis.model.declaredOf(dc.uri)[0]?.clusters.keys() ?? [])];

  it('maps folders and ignores files, and the workspace file wins for the same alias', () => {
    const fromSettings = analyse([mm2, dc, old]);
    assert.deepEqual(clusterOf(fromSettings), ['K2']);
    assert.ok(!fromSettings.files.has(old.uri));
    const file = { uri: 'file:///ws/.mirrorlint.yaml', text: 'clusters:\n  K1: { paths: [dc/] }\n' };
    assert.deepEqual(clusterOf(analyse([mm2, dc, file])), ['K1']);
  });
});
