// A KafkaTopology's entries (topics, schemas, consumers, producers) are read once and taken again
// by the file's next version while nothing in them was replaced by a line patch (moved in place when
// text before them changed length). Taken-over entries must be exactly what reading the new text
// afresh gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FileFacts } from '../../../server/src/core/formats/facts';
import { readYamlFile } from '../../../server/src/core/formats/yaml/read';
import { snapshot } from './factSnapshot';
import { keystrokes, typed } from './keystrokes';

const TOPOLOGY = [
  'kind: KafkaTopology',
  'cluster: K1',
  'topics:',
  '  orders: { partitions: 12, config: { retention.ms: "604800000" } }',
  '  # payments keep a week',
  '  payments:',
  '    partitions: 6',
  '    # compacted',
  '    config:',
  '      cleanup.policy: compact',
  '      min.insync.replicas: "2"',
  '  audit: { partitions: 3 }',
  ...Array.from({ length: 30 }, (_, i) => `  topic-${i}: { partitions: ${i % 7}, config: { retention.ms: "${i}" } }`),
  'schemas:',
  '  - { subject: orders-value, type: AVRO }',
  '  - subject: payments-value',
  '    type: PROTOBUF',
  'consumers:',
  '  - { group: billing, topics: [orders, payments] }',
  '  - group: audit',
  '    pattern: "(K2\\\\.)?audit"',
  '    failover: [K2]',
  '  - { group: reports, topics: [topic-1, topic-2], localOnly: true }',
  'producers:',
  '  - { name: checkout, topics: [orders] }',
  '# end',
].join('\n');

const CHARACTERS = ['a', '7', ' ', '#', ':', '{', '}', '[', ']', ',', '"', '-', '.'];

const entries = (facts: FileFacts): object[] =>
  facts.declarations!.sections.flatMap((section) => [...section.topics, ...section.schemas, ...section.consumers, ...section.producers]);

describe('KafkaTopology entries read once', () => {
  it('taken over while unchanged, they equal a fresh read after every keystroke', () => {
    let takenOver = 0;
    let read = 0;
    fc.assert(
      fc.property(keystrokes(CHARACTERS, 10), (edits) => {
        let text = TOPOLOGY;
        let facts = readYamlFile('file:///w/k1.topology.yaml', text, 'kafka-topology');
        for (const keystroke of edits) {
          text = typed(text, keystroke).text;
          const before = new Set(facts.declarations ? entries(facts) : []);
          facts = readYamlFile('file:///w/k1.topology.yaml', text, 'kafka-topology', { previous: facts });
          const fresh = readYamlFile('file:///w/k1.topology.yaml', text, 'kafka-topology');
          assert.deepEqual(snapshot(facts.declarations), snapshot(fresh.declarations), JSON.stringify(keystroke));
          if (facts.declarations) for (const entry of entries(facts)) before.has(entry) ? takenOver++ : read++;
        }
      }),
      { numRuns: 400 },
    );
    // The property is about taking entries over: many must have been (broken YAML is parsed whole again).
    assert.ok(takenOver > read / 5, `${takenOver} entries taken over, ${read} read`);
  });

  it('reads again only the entry a keystroke changed, and those it moved', () => {
    const first = readYamlFile('file:///w/k1.topology.yaml', TOPOLOGY, 'kafka-topology');
    const replaced = TOPOLOGY.replace('topic-20: { partitions: 6', 'topic-20: { partitions: 8');
    const second = readYamlFile('file:///w/k1.topology.yaml', replaced, 'kafka-topology', { previous: first });
    const changed = entries(second).filter((entry, i) => entry !== entries(first)[i]);
    assert.deepEqual(snapshot(changed), snapshot(entries(readYamlFile('file:///w/k1.topology.yaml', replaced, 'kafka-topology')).filter((e) => (e as { name?: string }).name === 'topic-20')));
    // In a block entry: the entry and nothing else.
    const nested = replaced.replace('min.insync.replicas: "2"', 'min.insync.replicas: "3"');
    const third = readYamlFile('file:///w/k1.topology.yaml', nested, 'kafka-topology', { previous: second });
    assert.deepEqual(entries(third).filter((entry, i) => entry !== entries(second)[i]).map((e) => (e as { name?: string }).name), ['payments']);
    // Typing moves the entries after the keystroke: they are kept too, moved in place; only the one typed in is read again.
    const typed = nested.replace('topic-20: { partitions: 8', 'topic-20: { partitions: 80');
    const fourth = readYamlFile('file:///w/k1.topology.yaml', typed, 'kafka-topology', { previous: third });
    assert.deepEqual(entries(fourth).filter((entry, i) => entry !== entries(third)[i]).map((e) => (e as { name?: string }).name), ['topic-20']);
    assert.deepEqual(snapshot(fourth.declarations), snapshot(readYamlFile('file:///w/k1.topology.yaml', typed, 'kafka-topology').declarations));
  });
});
