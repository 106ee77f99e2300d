// Live mode without clusters: the snapshot's shape, what it leaves out, connections and secrets.
// The clusters themselves are in test/live (npm run test:live, needs Java).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
});
