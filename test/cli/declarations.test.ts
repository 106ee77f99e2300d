import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeWorkspace, applyEdits, type Finding, type TextEdit } from '../../server/src/core';
import { patternMatcher } from '../../server/src/core/lint/rules/declarations/facts';

const BIN = path.join(__dirname, '..', '..', 'bin', 'mirrorlint.js');

const MM2 = `clusters = K1, K2
K1.bootstrap.servers = k1:9092
K2.bootstrap.servers = k2:9092
K1->K2.enabled = true
K1->K2.topics = orders, payments
K2->K1.enabled = true
K2->K1.topics = orders, payments
sync.group.offsets.enabled = true
`;
const K1 = `kind: KafkaTopology
cluster: K1
topics:
  orders: { partitions: 12, config: { retention.ms: "604800000" } }  # one week
schemas:
  - { subject: orders-value, type: AVRO, file: schemas/orders-value.avsc }
`;
const K2 = `# K2 data centre
kind: KafkaTopology
cluster: K2
topics:
  orders:
    partitions: 12
    config:
      retention.ms: "86400000"   # one day
consumers:
  - { group: billing, topics: [orders] }
`;

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-aa-'));
  const files: Record<string, string> = {
    'mm2.properties': MM2,
    'k1/topology.yaml': K1,
    'k1/schemas/orders-value.avsc': '{"type": "record", "name": "Order", "fields": []}\n',
    'k2/topology.yaml': K2,
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

interface CliFinding {
  rule: string;
  message: string;
  file: string;
  line: number;
  related: { file: string }[];
}

function check(dir: string): CliFinding[] {
  const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return (JSON.parse(result.stdout) as { findings: CliFinding[] }).findings;
}

/** The analysis the server and CLI run, over the workspace's files as they are on disk now. */
function analyse(dir: string) {
  const files = ['mm2.properties', 'k1/topology.yaml', 'k2/topology.yaml'].map((f) => path.join(dir, f));
  return analyzeWorkspace(files.map((uri) => ({ uri, text: fs.readFileSync(uri, 'utf8') })), {
    readText: (uri) => (fs.existsSync(uri) ? fs.readFileSync(uri, 'utf8') : undefined),
  });
}

/** Applies a fix the way an editor does: each edit to its own file, the finding's file by default. */
function applyFix(file: string, edits: TextEdit[]): string[] {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.uri ?? file, [...(byFile.get(edit.uri ?? file) ?? []), edit]);
  for (const [target, list] of byFile) {
    const text = applyEdits(fs.readFileSync(target, 'utf8'), list);
    fs.writeFileSync(target, text);
  }
  return [...byFile.keys()];
}

const only = (findings: Finding[], rule: string): Finding[] => findings.filter((f) => f.ruleId === rule);

describe('active-active declarations through the CLI', () => {
  it('reports the K2 consumer group that misses K1.orders; the pattern fix clears it and matches exactly the right names', () => {
    const dir = workspace();
    const missing = check(dir).filter((f) => f.rule === 'consumer-missing-remote-topics');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].file, 'k2/topology.yaml');
    assert.match(missing[0].message, /`billing` in K2 does not read `K1\.orders`\. It reads `orders`/);

    const k2 = path.join(dir, 'k2', 'topology.yaml');
    const [finding] = only(analyse(dir).get(k2)!.findings, 'consumer-missing-remote-topics');
    const fix = finding.fixes.find((f) => f.title.startsWith('Subscribe to the pattern'))!;
    assert.deepEqual(applyFix(k2, fix.edits), [k2]);
    const fixed = fs.readFileSync(k2, 'utf8');
    assert.ok(fixed.includes("- { group: billing, pattern: '(K1\\.)?orders' }"), fixed);
    assert.ok(fixed.startsWith('# K2 data centre\n') && fixed.includes('retention.ms: "86400000"   # one day'), 'the rest of the file is untouched');

    assert.deepEqual(check(dir).filter((f) => f.rule === 'consumer-missing-remote-topics' || f.message.includes('billing')), []);
    const matches = patternMatcher('(K1\\.)?orders')!;
    assert.deepEqual(['orders', 'K1.orders', 'K1.K2.orders', 'K2.orders', 'K2.K1.orders'].map(matches), [true, true, false, false, false]);
  });

  it('schema-not-synced and topic-config-drift fixes edit the other cluster\'s file, keeping its comments', () => {
    const dir = workspace();
    const cli = check(dir);
    const schema = cli.find((f) => f.rule === 'schema-not-synced')!;
    const drift = cli.find((f) => f.rule === 'topic-config-drift')!;
    assert.equal(schema.file, 'k1/topology.yaml');
    assert.match(schema.message, /`orders-value` is declared in K1 but not in K2.*schema registry ids/);
    assert.equal(drift.file, 'k1/topology.yaml');
    assert.match(drift.message, /`retention\.ms` of topic `orders` is `604800000` in K1 but `86400000` in K2/);
    assert.ok(drift.related.some((r) => r.file === 'k2/topology.yaml'), 'related location in the other file');

    const k1 = path.join(dir, 'k1', 'topology.yaml');
    const k2 = path.join(dir, 'k2', 'topology.yaml');
    const fixOf = (rule: string) => only(analyse(dir).get(k1)!.findings, rule)[0].fixes[0];
    const driftFix = fixOf('topic-config-drift');
    assert.deepEqual(applyFix(k1, driftFix.edits), [k2]);
    // Fixes apply to the text they were computed on: analyse again before the next one.
    const schemaFix = fixOf('schema-not-synced');
    assert.deepEqual(applyFix(k1, schemaFix.edits), [k2]);
    assert.equal(fs.readFileSync(k2, 'utf8'), K2.replace('"86400000"   # one day', '"604800000"   # one day') + 'schemas:\n  - {subject: orders-value, type: AVRO, file: ../k1/schemas/orders-value.avsc}\n');
    assert.deepEqual(check(dir).map((f) => f.rule).filter((r) => r === 'schema-not-synced' || r === 'topic-config-drift'), []);
  });

  it('renaming a topic in one declaration changes findings in another file in the same analysis pass', () => {
    const dir = workspace();
    const k1 = path.join(dir, 'k1', 'topology.yaml');
    const k2 = path.join(dir, 'k2', 'topology.yaml');
    fs.writeFileSync(k1, `${K1}producers:\n  - { name: checkout, topics: [orders] }\n`);
    fs.writeFileSync(k2, K2.replace('retention.ms: "86400000"', 'retention.ms: "604800000"'));
    const before = analyse(dir);
    assert.deepEqual(only(before.get(k1)!.findings, 'topic-missing-in-peer'), []);
    assert.equal(only(before.get(k2)!.findings, 'consumer-missing-remote-topics').length, 1);
    // K2's `orders` becomes `orders-v2`: in the same pass, K1's producer now lacks a peer topic, and
    // the K2 group reads a topic that is no longer a local topic with a remote copy.
    fs.writeFileSync(k2, fs.readFileSync(k2, 'utf8').replace('  orders:\n', '  orders-v2:\n').replace('topics: [orders]', 'topics: [orders-v2]'));
    const after = analyse(dir);
    assert.match(only(after.get(k1)!.findings, 'topic-missing-in-peer')[0].message, /Topic `orders` is not declared in K2, the active-active peer of K1\./);
    assert.deepEqual(only(after.get(k2)!.findings, 'consumer-missing-remote-topics'), []);
  });
});
