// Incremental analysis must equal analysis from scratch: after every edit of a random sequence, the
// analyzer that kept its caches (facts, deployments, binding, per-file findings) and a fresh one agree.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analyzer, type SourceFile } from '../../../server/src/core/service/analysis';
import type { SeveritySetting } from '../../../server/src/core/base/finding';
import type { WorkspaceSettings } from '../../../server/src/core/service/configuration';
import { loadHclParser } from '../../../server/src/node/hcl';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** Every file of the examples under one root, as `file:///w/<relative path>`. */
function exampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(`file:///w/${path.relative(EXAMPLES, full).split(path.sep).join('/')}`, fs.readFileSync(full, 'utf8'));
    }
  };
  walk(EXAMPLES);
  files.set('file:///w/.mirrorlint.yaml', 'kafkaVersion: "4.1"\nrules:\n  topic-config-drift: error\n');
  return files;
}

const SNIPPETS = [
  'K1->K2.enabled = false\n', 'K2->K1.enabled = true\n', 'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n',
  'K1->K2.topics = orders, pay.*\n', 'topics.exclude = .*internal\n', 'K3.bootstrap.servers = k3:9092\n', 'clusters = K1, K2, K3\n',
  '  orders: { partitions: 3 }\n', '  - { group: billing, topics: [orders] }\n', '  - { group: audit, pattern: "(K1\\\\.)?orders" }\n',
  'kafkaVersion: "3.9"\n', 'config.properties.exclude = retention\\.ms\n', 'K1->K2.sync.topic.configs.enabled = false\n', 'replication.policy.separator = _\n', '  topic-config-drift: off\n', '# mirrorlint-disable-next-line\n', '"topics": "orders",\n', '      topicsPattern: ".*"\n',
  '{"type": "record", "name": "X", "fields": []}', '---\n', '\n', 'x', ':', '"',
  '  topics = ["orders"]\n', 'variable "k" {\n  default = "K9"\n}\n', '  source_cluster = var.k\n', '  retention_ms = "1"\n', '}\n',
];

type Edit =
  | { kind: 'insert'; file: number; at: number; snippet: number }
  | { kind: 'delete'; file: number; at: number; length: number }
  | { kind: 'settings'; rule: number; kafkaVersion: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), at: fc.nat(), snippet: fc.nat(SNIPPETS.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), at: fc.nat(), length: fc.nat(40) }),
  fc.record({ kind: fc.constant('settings' as const), rule: fc.nat(2), kafkaVersion: fc.nat(2) }),
);

const RULE_SETTINGS: Record<string, SeveritySetting>[] = [{}, { 'consumer-missing-remote-topics': 'off', 'duplicate-flow': 'off' }, { 'invalid-value': 'info', 'replication-cycle': 'warning' }];

const settingsOf = (rule: number, kafkaVersion: number): WorkspaceSettings => ({
  folders: [{ uri: 'file:///w', settings: { rules: RULE_SETTINGS[rule], ignore: [], clusters: {}, kafkaVersion: ['', '3.9', '4.3'][kafkaVersion] } }],
});

describe('incremental analysis', () => {
  it('gives the same findings as an analysis from scratch after every edit of random edit sequences', async () => {
    // Terraform modules too: a folder's facts are read again when any of its files changes.
    const hcl = await loadHclParser();
    const start = exampleFiles();
    const uris = [...start.keys()].sort();
    fc.assert(
      // Each step reads the findings of every file, or of a third of them: the others are never linted
      // in that analysis (a file is linted when its findings are first read), and later steps must not care.
      fc.property(fc.array(fc.tuple(edit, fc.nat(3)), { minLength: 1, maxLength: 12 }), (edits) => {
        const texts = new Map(start);
        // Schema files are read through the host, as the server reads them from disk.
        const readText = (uri: string) => texts.get(uri);
        const kept = new Analyzer({ readText, hcl });
        let settings = settingsOf(0, 0);
        const sources = (): SourceFile[] => uris.map((uri) => ({ uri, text: texts.get(uri)! }));
        kept.analyze(sources(), settings);
        for (const [index, [step, part]] of edits.entries()) {
          if (step.kind === 'settings') settings = settingsOf(step.rule, step.kafkaVersion);
          else {
            const uri = uris[step.file % uris.length];
            const text = texts.get(uri)!;
            const at = step.at % (text.length + 1);
            texts.set(uri, step.kind === 'insert' ? text.slice(0, at) + SNIPPETS[step.snippet] + text.slice(at) : text.slice(0, at) + text.slice(at + step.length));
          }
          const incremental = kept.analyze(sources(), settings);
          const scratch = new Analyzer({ readText, hcl }).analyze(sources(), settings);
          assert.deepEqual([...incremental.files.keys()], [...scratch.files.keys()]);
          const everything = part === 3 || index === edits.length - 1;
          [...scratch.files.values()].forEach((analysis, i) => {
            if (everything || i % 3 === part) assert.deepEqual(incremental.files.get(analysis.uri)!.findings, analysis.findings, `${analysis.uri} after ${JSON.stringify(step)}`);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lints a file when its findings are first read, and never for an analysis that a later one replaced', () => {
    const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\nreplication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n';
    const files = (comment: string): SourceFile[] => [
      { uri: 'file:///w/a.mm2.properties', text: `${comment}${mm2}` },
      { uri: 'file:///w/b.mm2.properties', text: mm2.replace(/K1/g, 'K3').replace(/K2/g, 'K4').replace(/k1/g, 'k3').replace(/k2/g, 'k4') },
    ];
    const analyzer = new Analyzer({ readText: () => undefined });
    const first = analyzer.analyze(files(''), settingsOf(0, 0));
    const cycle = (findings: { ruleId: string }[]) => findings.filter((f) => f.ruleId === 'replication-cycle').length;
    assert.ok(cycle(first.files.get('file:///w/a.mm2.properties')!.findings) > 0);
    // A tentative analysis does not replace it: b's findings can still be read.
    analyzer.analyze(files('# fix-all trying\n'), settingsOf(0, 0), { tentative: true });
    const second = analyzer.analyze(files('# an edit\n'), settingsOf(0, 0));
    // b of the first analysis was never read: the second took its facts over, so it cannot be linted any more …
    assert.throws(() => first.files.get('file:///w/b.mm2.properties')!.findings, /a later one replaced/);
    // … while what was read stays readable, and the new analysis answers for both.
    assert.ok(cycle(first.files.get('file:///w/a.mm2.properties')!.findings) > 0);
    assert.ok(cycle(second.files.get('file:///w/b.mm2.properties')!.findings) > 0);
    assert.deepEqual(second.files.get('file:///w/b.mm2.properties')!.findings, new Analyzer({ readText: () => undefined }).analyze(files('# an edit\n'), settingsOf(0, 0)).files.get('file:///w/b.mm2.properties')!.findings);
  });

  it('leaves the current analysis intact when fix-all tries a text (tentative), and takes it over on the next edit', () => {
    const docs = (prefix: string) => `${prefix}${['K1', 'K2', 'K3'].map((alias) => `---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels: { strimzi.io/cluster: ${alias} }\nspec:\n  partitions: 3\n`).join('')}`;
    const uri = 'file:///w/topics.yaml';
    const analyzer = new Analyzer({ readText: () => undefined });
    const current = analyzer.analyze([{ uri, text: docs('') }], settingsOf(0, 0)).files.get(uri)!.file;
    const ranges = () => current.yamlChunks!.map((chunk) => [chunk.start, ...chunk.documents.map((d) => d.range.join(':'))].join(' '));
    const before = ranges();
    analyzer.analyze([{ uri, text: docs('# a longer first line\n') }], settingsOf(0, 0), { tentative: true });
    assert.deepEqual(ranges(), before);
    // Without the tentative analysis in between, the next edit takes the documents over and moves them.
    const fresh = new Analyzer({ readText: () => undefined });
    const first = fresh.analyze([{ uri, text: docs('') }], settingsOf(0, 0)).files.get(uri)!.file;
    const next = fresh.analyze([{ uri, text: docs('# a longer first line\n') }], settingsOf(0, 0)).files.get(uri)!.file;
    // The comment line is a stretch of its own; the three documents after it are the old ones, moved.
    assert.deepEqual(next.yamlChunks!.slice(1).map((chunk, i) => chunk === first.yamlChunks![i]), [true, true, true]);
    assert.equal(next.yamlChunks![1].start, '# a longer first line\n'.length);
    assert.equal(next.yamlChunks![1].documents[0].range[0], '# a longer first line\n'.length);
  });

  it('takes over the replay of flows whose behaviour an edit did not change, and only those', () => {
    const uri = 'file:///w/mm2.properties';
    const mesh = 'clusters = A, B, C\nA.bootstrap.servers = a:9092\nB.bootstrap.servers = b:9092\nC.bootstrap.servers = c:9092\nenabled = true\ntopics = orders.*\n';
    const analyzer = new Analyzer({ readText: () => undefined });
    const replayOf = (text: string, tentative = false) => analyzer.analyze([{ uri, text }], settingsOf(0, 0), { tentative }).model.deploymentOf(uri)!.replay;
    const first = replayOf(mesh);
    // A comment above the flows moves every setting: the replay stays, its flows point at the new settings.
    const commented = `# the mesh\n${mesh}`;
    assert.equal(replayOf(commented), first);
    const topicsSetting = analyzer.analyze([{ uri, text: commented }], settingsOf(0, 0)).model.deploymentOf(uri)!.flows[0].topicsSetting!;
    assert.equal(commented.slice(topicsSetting.valueRange.start, topicsSetting.valueRange.end), 'orders.*');
    // A setting the replay does not read: still the same; a filter: a new replay.
    assert.equal(replayOf(`${commented}replication.factor = 2\n`), first);
    assert.notEqual(replayOf(`${commented}topics = payments.*\n`), first);
    // What rules derive from a flow's settings follows the settings, not the model object the replay keeps.
    const declared = [
      { uri: 'file:///w/k1.topology.yaml', text: 'kind: KafkaTopology\ncluster: A\ntopics:\n  orders: { config: { min.insync.replicas: "2" } }\n' },
      { uri: 'file:///w/k2.topology.yaml', text: 'kind: KafkaTopology\ncluster: B\ntopics:\n  orders: { config: { min.insync.replicas: "2" } }\n' },
    ];
    const excluded = (text: string) => [...analyzer.analyze([{ uri, text }, ...declared], settingsOf(0, 0)).files.values()].flatMap((f) => f.findings).filter((f) => f.messageId === 'excluded').length;
    assert.ok(excluded(commented) > 0);
    assert.equal(excluded(`${commented}config.properties.exclude = retention\\.ms\n`), 0);
    // A tentative analysis never takes one over.
    const current = replayOf(mesh);
    assert.notEqual(replayOf(`# fix-all trying\n${mesh}`, true), current);
  });

  it('checks declarations again when the cluster they are bound to changes, though their text did not', () => {
    const mm2 = { uri: 'file:///w/mm2.properties', text: 'clusters = K1, K2, K3\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK3.bootstrap.servers = k3:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\nK1->K3.enabled = true\nK3->K1.enabled = true\n' };
    const declared = (name: string, alias?: string, body = ''): SourceFile => ({ uri: `file:///w/${name}.topology.yaml`, text: `kind: KafkaTopology\n${alias ? `cluster: ${alias}\n` : ''}topics:\n  orders: { partitions: 3 }\n${body}` });
    // The file's text never changes (its facts are the same objects): .mirrorlint.yaml binds it to K2, then K3.
    // K2 and K3 declare the same names either way, so only the binding of its entries changes.
    const moving = declared('moving/dc', undefined, '  payments: { config: { min.insync.replicas: "2" } }\nconsumers:\n  - { group: billing, topics: [orders] }\n');
    const mapping = (alias: string): SourceFile => ({ uri: 'file:///w/.mirrorlint.yaml', text: `clusters:\n  ${alias}: { paths: [moving/] }\n` });
    const analyzer = new Analyzer({ readText: () => undefined });
    for (const alias of ['K2', 'K3', 'K2']) {
      const sources = [mm2, mapping(alias), declared('k1', 'K1'), declared('k2', 'K2'), declared('k3', 'K3'), moving];
      const incremental = analyzer.analyze(sources, settingsOf(0, 0));
      const scratch = new Analyzer({ readText: () => undefined }).analyze(sources, settingsOf(0, 0));
      for (const { uri } of sources) assert.deepEqual(incremental.files.get(uri)!.findings, scratch.files.get(uri)!.findings, `${uri} with ${alias}`);
      const messages = incremental.files.get(moving.uri)!.findings.map((f) => f.message).join('\n');
      assert.match(messages, new RegExp(`\`billing\` in ${alias} does not read`));
      assert.match(messages, new RegExp(`not copied to its remote copy \`${alias}\\.payments\``));
    }
  });

  it('notices a schema file that changed on disk although no open text changed', () => {
    const disk = new Map([
      ['file:///w/a.avsc', '{"type": "string"}'],
      ['file:///w/b.avsc', '{"type": "string"}'],
    ]);
    const sources: SourceFile[] = [
      { uri: 'file:///w/mm2.properties', text: 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\n' },
      { uri: 'file:///w/k1.topology.yaml', text: 'kind: KafkaTopology\ncluster: K1\nschemas:\n  - { subject: orders-value, type: AVRO, file: a.avsc }\n' },
      { uri: 'file:///w/k2.topology.yaml', text: 'kind: KafkaTopology\ncluster: K2\nschemas:\n  - { subject: orders-value, type: AVRO, file: b.avsc }\n' },
    ];
    const analyzer = new Analyzer({ readText: (uri) => disk.get(uri) });
    const differs = () => [...analyzer.analyze(sources, settingsOf(0, 0)).files.values()].flatMap((f) => f.findings).filter((f) => f.messageId === 'differs').length;
    assert.equal(differs(), 0);
    disk.set('file:///w/b.avsc', '{"type": "long"}');
    assert.ok(differs() > 0);
    disk.set('file:///w/b.avsc', '{"type": "string"}');
    assert.equal(differs(), 0);
  });
});
