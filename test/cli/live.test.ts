// Live mode without clusters: the snapshot's shape, what it leaves out, connections and secrets.
// The clusters themselves are in test/live (npm run test:live, needs Java).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { describe, it } from 'node:test';
import { LanguageService, parseWorkspaceConfig, snapshotTopology, type ObservedCluster } from '../../server/src/core';
import { liveTopology } from '../../server/src/node/live/observe';
import { run } from '../../server/src/cli/main';
import { resolveSecret } from '../../server/src/node/live/fetch';

const OBSERVED: Record<string, ObservedCluster> = {
  K2: {
    topics: [
      { name: 'orders', partitions: 3, replicas: 1, config: { 'retention.ms': '86400000' } },
      { name: 'K1.orders', partitions: 3, replicas: 1, config: {} },
      { name: 'heartbeats', partitions: 1, replicas: 1, config: {} },
    ],
    groups: [{ id: 'billing', topics: ['orders'] }],
  },
};

describe('live snapshots', () => {
  it('are KafkaTopology files, sorted, with the topics\' own configs', () => {
    const text = snapshotTopology({ K2: { topics: [OBSERVED.K2.topics[0]], groups: OBSERVED.K2.groups } }, '2026-01-01T00:00:00Z');
    assert.equal(text, `# Observed by \`mirrorlint snapshot --live\` at 2026-01-01T00:00:00Z: the clusters as they were, read-only.
# Regenerate it rather than edit it.
kind: KafkaTopology
observedAt: 2026-01-01T00:00:00Z
clusters:
  K2:
    topics:
      orders:
        partitions: 3
        replicas: 1
        config:
          retention.ms: "86400000"
    consumers:
      - group: billing
        topics:
          - orders
`);
  });

  it('leave out MM2\'s internal topics and list the remote copies of prefixing flows apart', () => {
    const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = a:9092\nK2.bootstrap.servers = b:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\n';
    const analysis = new LanguageService({ readText: () => ({ unreadable: 'test' }) }).analyze([{ uri: 'file:///w/mm2.properties', text: mm2 }], { folders: [] });
    const text = liveTopology(analysis, OBSERVED, 'now');
    assert.match(text, /^ {6}orders:/m);
    // The remote copy is listed apart, under `remoteTopics`; MM2's heartbeats topic not at all.
    assert.match(text, /^ {4}remoteTopics:\n {6}K1\.orders:/m);
    assert.doesNotMatch(text, /^ {4}topics:\n(?: {6,}.*\n)*? {6}K1\.orders:/m);
    assert.doesNotMatch(text, /heartbeats:/);
  });

  it('carry MM2\'s heartbeats, checkpoints and unread groups, which the live rules read back', () => {
    const takenAt = Date.parse('2026-12-07T09:00:00.000Z');
    const observed: Record<string, ObservedCluster> = {
      K1: {
        topics: [{ name: 'orders', partitions: 1, replicas: 1, config: {} }],
        groups: [
          { id: 'billing', topics: ['orders'] },
          { id: 'fresh', topics: ['orders'], unread: ['orders'] },
        ],
        heartbeats: { since: takenAt - 300_000, newest: { 'K2->K1': takenAt - 1_000 }, copies: { 'K2.heartbeats': takenAt - 241_000 } },
        checkpoints: {},
      },
      K2: {
        topics: [{ name: 'K1.orders', partitions: 1, replicas: 1, config: {} }],
        groups: [],
        heartbeats: { since: takenAt - 300_000, newest: { 'K1->K2': takenAt - 240_000 }, copies: { 'K1.heartbeats': takenAt - 2_000 } },
        checkpoints: { 'K1.checkpoints.internal': { shipping: ['K1.orders'] } },
      },
    };
    const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = a:9092\nK2.bootstrap.servers = b:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\n';
    const service = new LanguageService({ readText: () => ({ unreadable: 'test' }) });
    const text = liveTopology(service.analyze([{ uri: 'file:///w/mm2.properties', text: mm2 }], { folders: [] }), observed, '2026-12-07T09:00:00.000Z');
    assert.match(text, /group: fresh\n {8}topics:\n {10}- orders\n {8}unread:\n {10}- orders/);
    assert.match(text, /heartbeats:\n {6}since: 2026-12-07T08:55:00\.000Z\n {6}newest:\n {8}K1->K2: 2026-12-07T08:56:00\.000Z/);
    assert.match(text, /checkpoints:\n {6}K1\.checkpoints\.internal:\n {8}shipping:\n {10}- K1\.orders/);
    const analysis = service.analyze([{ uri: 'file:///w/mm2.properties', text: mm2 }, { uri: 'file:///w/observed.topology.yaml', text }], { folders: [] });
    const lines = text.split('\n');
    const found = analysis
      .findings('file:///w/observed.topology.yaml')
      .filter((f) => f.ruleId === 'heartbeats-not-arriving' || f.ruleId === 'checkpoints-missing')
      .map((f) => `${f.ruleId} @ ${lines[text.slice(0, f.range.start).split('\n').length - 1].trim()}: ${f.message.split(/(?<=\.)\s/)[0]}`);
    // K1->K2's newest heartbeat is 4 minutes old; billing read `orders` and has no checkpoint in K2;
    // fresh has read nothing, so none is due; K2->K1 beat a second ago.
    assert.deepEqual(found.sort(), [
      'checkpoints-missing @ - group: billing: Group `billing` has no checkpoint in K2 for `K1.orders`.',
      'heartbeats-not-arriving @ heartbeats:: The newest heartbeat of K1->K2 in K2 is 4 minutes older than the snapshot.',
    ]);
  });

  it('offer no fixes that would edit the snapshot, from its own findings or from other files\' ', () => {
    const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = a:9092\nK2.bootstrap.servers = b:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\n';
    const snapshot = (observedAt: string) => `kind: KafkaTopology\n${observedAt}clusters:\n  K1:\n    topics:\n      orders: { partitions: 3, config: { retention.ms: "1" } }\n  K2:\n    topics:\n      orders: { partitions: 3, config: { retention.ms: "2" } }\n`;
    const written = 'kind: KafkaTopology\ncluster: K1\ntopics:\n  payments: { partitions: 3 }\nproducers:\n  - { name: app, topics: [payments] }\n';
    const fixesOf = (observedAt: string) => {
      const files = new LanguageService({ readText: () => undefined }).analyze([
        { uri: 'file:///w/mm2.properties', text: mm2 },
        { uri: 'file:///w/observed.topology.yaml', text: snapshot(observedAt) },
        { uri: 'file:///w/k1-apps.topology.yaml', text: written },
      ], { folders: [] });
      const findings = ['file:///w/observed.topology.yaml', 'file:///w/k1-apps.topology.yaml'].flatMap((uri) => files.findings(uri));
      return findings.filter((f) => f.ruleId === 'topic-config-drift' || f.ruleId === 'topic-missing-in-peer').map((f) => `${f.ruleId}: ${f.fixes.filter((fix) => !fix.suppression).length}`);
    };
    // A hand-written file gets its fixes (one per direction, and the topic added to K2's file)…
    assert.deepEqual(fixesOf(''), ['topic-config-drift: 2', 'topic-missing-in-peer: 1']);
    // …a snapshot's findings get none, and neither does a fix of another file that would edit it.
    assert.deepEqual(fixesOf('observedAt: "2026-12-07T09:00:00Z"\n'), ['topic-config-drift: 0', 'topic-missing-in-peer: 0']);
  });

  it('show in the topology which remote topics a live check saw, missed, or found orphaned', () => {
    const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = a:9092\nK2.bootstrap.servers = b:9092\nK1->K2.enabled = true\nK1->K2.topics = orders, invoices, legacy\n';
    const snapshot = 'kind: KafkaTopology\nobservedAt: now\nclusters:\n  K1:\n    topics: { orders: {}, invoices: {} }\n    remoteTopics: {}\n  K2:\n    topics: {}\n    remoteTopics: { K1.orders: {}, K1.legacy: {} }\n';
    const analysis = new LanguageService({ readText: () => undefined }).analyze([{ uri: 'file:///w/mm2.properties', text: mm2 }, { uri: 'file:///w/observed.topology.yaml', text: snapshot }], { folders: [] });
    const k2 = analysis.topology()[0].clusters.find((c) => c.alias === 'K2')!;
    assert.deepEqual(k2.remoteTopics.map((t) => `${t.name}: ${t.observed}`), ['K1.invoices: missing', 'K1.legacy: orphan', 'K1.orders: present']);
    // A declaration of K1 next to the snapshot: each topic once, where the snapshot saw it.
    const declared = new LanguageService({ readText: () => undefined }).analyze([{ uri: 'file:///w/mm2.properties', text: mm2 }, { uri: 'file:///w/observed.topology.yaml', text: snapshot }, { uri: 'file:///w/k1.topology.yaml', text: 'kind: KafkaTopology\ncluster: K1\ntopics:\n  orders: {}\n  audit: {}\n' }], { folders: [] });
    const k1 = declared.topology()[0].clusters.find((c) => c.alias === 'K1')!;
    assert.deepEqual(k1.localTopics.map((t) => `${t.name}: ${t.location?.uri.split('/').pop()}`), ['audit: k1.topology.yaml', 'invoices: observed.topology.yaml', 'orders: observed.topology.yaml']);
  });

  it('read `live:` connections from .mirrorlint.yaml and resolve secret references only', () => {
    const config = parseWorkspaceConfig('file:///w/.mirrorlint.yaml', 'live:\n  K1:\n    bootstrapServers: "a:9092,b:9092"\n    sasl: { mechanism: SCRAM-SHA-512, username: mm2, password: "${env:K1_PASSWORD}" }\n    tls: { ca: ca.pem }\n  K2: { tls: true }\n');
    assert.deepEqual(config.live, { K1: { bootstrapServers: 'a:9092,b:9092', sasl: { mechanism: 'SCRAM-SHA-512', username: 'mm2', password: '${env:K1_PASSWORD}' }, tls: { ca: 'ca.pem', cert: undefined, key: undefined } } });
    process.env.MIRRORLINT_TEST_SECRET = 's3cret';
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-secret-'));
    fs.writeFileSync(path.join(folder, 'password.txt'), 'from-file\n');
    assert.equal(resolveSecret('${env:MIRRORLINT_TEST_SECRET}', folder), 's3cret');
    assert.equal(resolveSecret('${file:password.txt}', folder), 'from-file');
    assert.throws(() => resolveSecret('${env:MIRRORLINT_TEST_UNSET}', folder), /MIRRORLINT_TEST_UNSET is not set/);
  });

  it('are asked for with --live; `snapshot` without it is a usage error', () => {
    let stderr = '';
    assert.equal(run(['snapshot'], os.tmpdir(), () => undefined, (t) => (stderr += t)), 2);
    assert.match(stderr, /snapshot reads live clusters: add --live/);
  });

  it('stop at Ctrl+C while the clusters are read, say so, and check nothing', async () => {
    // A "broker" that accepts connections and never answers: the read would wait for its time limit.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-interrupt-'));
    fs.writeFileSync(path.join(dir, 'mm2.properties'), 'clusters = K1, K2\nK1.bootstrap.servers = a:9092\nK2.bootstrap.servers = b:9092\nK1->K2.enabled = true\n');
    fs.writeFileSync(path.join(dir, '.mirrorlint.yaml'), `live:\n  K1: { bootstrapServers: "127.0.0.1:${port}" }\n`);
    try {
      const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'mirrorlint.js'), 'check', '--live', '--live-timeout', '60'], { cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // Interrupted once it is connected and waiting for the broker's answer.
      await new Promise<void>((resolve) => silent.once('connection', () => resolve()));
      const started = Date.now();
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      assert.equal(code, 130, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /interrupted while reading the clusters; nothing checked/);
      assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
    } finally {
      silent.close();
    }
  });
});
