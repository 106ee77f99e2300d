// Live mode against real clusters: two single-node KRaft brokers from Apache Kafka's Maven jars
// (the Kafka-oracle harness), on 127.0.0.1, stopped at the end. Needs Java and Maven: `npm run test:live`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Admin, Producer } from '@platformatic/kafka';
import { runWithLive } from '../../server/src/cli/main';
// The setup talks to the brokers with the same client (this import brings its Node 20 polyfill),
// and reads what MM2 wrote the way MirrorLint does.
import { fetchCluster } from '../../server/src/node/live/fetch';
import { pathToFileURL } from 'node:url';
import type { CheckLiveResult } from '../../shared/src/protocol';
import { TestClient } from '../protocol/lspClient';
import { startBroker, type Broker } from '../kafka/brokers';
import { prepare, toolchain, type KafkaRuntime } from '../kafka/java';
import { killAll, start } from '../kafka/processes';
import { COMMON_SETTINGS } from '../kafka/scenarios';

const KAFKA = '4.3.1';
const K2_USER = { username: 'mirrorlint', password: 'k2-Secret-4711' };
const K2_PASSWORD_VARIABLE = 'MIRRORLINT_TEST_K2_PASSWORD';
const K2_PASSWORD_REFERENCE = `\${env:${K2_PASSWORD_VARIABLE}}`;

async function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runWithLive(args, cwd, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

describe('live mode against two running Kafka clusters', { timeout: 600_000 }, () => {
  let k1: Broker;
  let k2: Broker;
  let workspace: string;
  let runtime: KafkaRuntime;

  before(async () => {
    const tools = toolchain();
    if (typeof tools === 'string') throw new Error(`live tests need Java and Maven: ${tools}`);
    runtime = prepare(tools, KAFKA, (line) => console.log(line));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-live-'));
    // K2 wants a SCRAM-SHA-512 login, as production clusters do; its password reaches MirrorLint
    // only through an environment variable reference.
    [k1, k2] = await Promise.all([startBroker(runtime, dir, 'k1'), startBroker(runtime, dir, 'k2', undefined, K2_USER)]);
    process.env[K2_PASSWORD_VARIABLE] = K2_USER.password;
    // A drifted active-active pair: retention differs, K2's billing group reads `orders` only
    // (it has committed offsets there, none on K1.orders, the copy MM2 writes into K2).
    const setUp = async (broker: Broker, retention: string, extra: string[]) => {
      const sasl = broker === k2 ? { sasl: { mechanism: 'SCRAM-SHA-512' as const, username: K2_USER.username, password: K2_USER.password } } : {};
      const admin = new Admin({ clientId: 'setup', bootstrapBrokers: [broker.bootstrap], timeout: 20_000, ...sasl });
      await admin.createTopics({ topics: ['orders', ...extra], partitions: 1, replicas: 1 });
      await admin.incrementalAlterConfigs({ resources: [{ resourceType: 2, resourceName: 'orders', configs: [{ name: 'retention.ms', configOperation: 0, value: retention }] }] } as never);
      return admin;
    };
    const a1 = await setUp(k1, '604800000', []);
    await a1.close();
    const a2 = await setUp(k2, '86400000', ['K1.orders', 'heartbeats']);
    await a2.alterConsumerGroupOffsets({ groupId: 'billing', topics: [{ name: 'orders', partitionOffsets: [{ partition: 0, offset: 0n }] }] } as never);
    await a2.close();
    workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'mm2.properties'), `clusters = K1, K2\nK1.bootstrap.servers = ${k1.bootstrap}\nK2.bootstrap.servers = ${k2.bootstrap}\nK1->K2.enabled = true\nK2->K1.enabled = true\n`);
    fs.writeFileSync(path.join(workspace, '.mirrorlint.yaml'), liveConfig(K2_PASSWORD_REFERENCE));
  });

  /** `.mirrorlint.yaml`'s live connections to the two brokers, K2's password as given. */
  const liveConfig = (k2Password: string): string =>
    `live:\n  K1: { bootstrapServers: "${k1.bootstrap}" }\n  K2:\n    bootstrapServers: "${k2.bootstrap}"\n    sasl: { mechanism: SCRAM-SHA-512, username: ${K2_USER.username}, password: "${k2Password}" }\n`;

  after(async () => {
    await Promise.all([k1?.process.stop(), k2?.process.stop()]);
    killAll();
  });

  it('snapshots what the clusters hold, the remote copies MM2 made apart', async () => {
    const { code, stdout, stderr } = await cli(workspace, ['snapshot', '--live']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^kind: KafkaTopology$/m);
    assert.match(stdout, /orders:\n\s+partitions: 1\n\s+replicas: 1\n\s+config:\n\s+retention\.ms: "?604800000"?/);
    // MM2's remote copy is listed apart from K2's own topics, its heartbeats topic not as a topic:
    // what it holds is read (nothing: no MM2 ever ran), and so are the checkpoints (no topic of them).
    assert.match(stdout, /remoteTopics:\n\s+K1\.orders:/);
    assert.doesNotMatch(stdout, /^\s+topics:\n(\s{6}.*\n)*\s+K1\.orders:/m);
    assert.doesNotMatch(stdout, /heartbeats:\n\s+partitions/);
    assert.match(stdout, /heartbeats:\n\s+since: "?\d{4}-\d\d-\d\dT[\d:.]+Z"?\n\s+newest: \{\}/);
    assert.match(stdout, /checkpoints: \{\}/);
    // billing has committed offset 0: it has read nothing of `orders`.
    assert.match(stdout, /group: billing\n\s+topics:\n\s+- orders\n\s+unread:\n\s+- orders/);
  });

  it('checks the observed facts: the billing group misses K1.orders, retention.ms drifts', async () => {
    const { code, stdout, stderr } = await cli(workspace, ['check', '--live', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const findings = JSON.parse(stdout).findings as { rule: string; message: string; file: string }[];
    const rules = findings.map((f) => `${f.rule}: ${f.message.split(/(?<=\.)\s/)[0]}`).sort();
    assert.ok(rules.some((r) => r.startsWith('consumer-missing-remote-topics: Consumer group `billing` in K2 does not read `K1.orders`')), rules.join('\n'));
    assert.ok(rules.some((r) => r.startsWith('topic-config-drift: `retention.ms` of topic `orders` is `604800000` in K1 but `86400000` in K2')), rules.join('\n'));
    assert.ok(!findings.some((f) => f.rule === 'remote-topic-collision'), rules.join('\n'));
    // K2's `orders` goes to K1 as `K2.orders` (K2->K1), and no MM2 is running: K1 has no such topic.
    assert.ok(rules.some((r) => r.startsWith('remote-topic-missing: Remote topic `K2.orders` is missing in K1.')), rules.join('\n'));
    assert.ok(!rules.some((r) => r.includes('`K1.orders` is missing')), rules.join('\n'));
    // K2's `K1.orders` was made by hand, without K1's `retention.ms`: MM2's config sync would have set it.
    assert.ok(rules.some((r) => r.startsWith('topic-config-drift: `retention.ms` of remote topic `K1.orders` in K2 is not set, not `604800000`.')), rules.join('\n'));
    // No MM2 has ever run: no heartbeats in either cluster; billing has read nothing, so no checkpoint is due.
    assert.ok(rules.includes('heartbeats-not-arriving: No heartbeat of K1->K2 arrived in K2 in the 5 minutes before the snapshot.'), rules.join('\n'));
    assert.ok(rules.includes('heartbeats-not-arriving: No heartbeat of K2->K1 arrived in K1 in the 5 minutes before the snapshot.'), rules.join('\n'));
    assert.ok(!findings.some((f) => f.rule === 'checkpoints-missing'), rules.join('\n'));
    assert.ok(findings.every((f) => f.file === 'mirrorlint-live.topology.yaml' || f.file === 'mm2.properties'));
  });

  it('checks the live clusters from the language server on request, with findings in the Problems panel', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ workspace: { configuration: true } });
      for (const name of ['mm2.properties', '.mirrorlint.yaml']) await client.open(pathToFileURL(path.join(workspace, name)).href, fs.readFileSync(path.join(workspace, name), 'utf8'), name.endsWith('.yaml') ? 'yaml' : 'mm2-properties');
      const result = await client.request<CheckLiveResult>('mirrorlint/checkLive', {});
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.clusters.sort(), ['K1', 'K2']);
      let diagnostics = (await client.nextDiagnostics(result.uri!, 20_000)).diagnostics;
      while (!diagnostics.some((d) => d.code === 'consumer-missing-remote-topics')) diagnostics = (await client.nextDiagnostics(result.uri!, 20_000)).diagnostics;
      assert.ok(diagnostics.some((d) => d.code === 'topic-config-drift'), JSON.stringify(diagnostics.map((d) => d.message)));
    } finally {
      await client.shutdown();
    }
  });

  it('reports a wrong password as K2\'s failed login, checks nothing, and never prints a password', async () => {
    const wrong = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-live-wrong-'));
    fs.copyFileSync(path.join(workspace, 'mm2.properties'), path.join(wrong, 'mm2.properties'));
    fs.writeFileSync(path.join(wrong, 'password'), 'not-the-password\n');
    fs.writeFileSync(path.join(wrong, '.mirrorlint.yaml'), liveConfig('${file:password}'));
    const started = Date.now();
    const { code, stdout, stderr } = await cli(wrong, ['check', '--live', '--live-timeout', '10']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read K2 \(127\.0\.0\.1:\d+\): .*(authenticat|SASL|credentials)/i, stderr);
    assert.match(stderr, /nothing checked/);
    assert.ok(!stderr.includes('not-the-password') && !stderr.includes(K2_USER.password), stderr);
    assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
    // The right password read from the same kind of reference works, and is not printed either.
    fs.writeFileSync(path.join(wrong, 'password'), `${K2_USER.password}\n`);
    const right = await cli(wrong, ['snapshot', '--live']);
    assert.equal(right.code, 0, right.stderr);
    assert.ok(!right.stdout.includes(K2_USER.password) && !right.stderr.includes(K2_USER.password));
  });

  it('reports an unreachable cluster clearly, within its time limit, and checks nothing', async () => {
    const down = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-live-down-'));
    fs.copyFileSync(path.join(workspace, 'mm2.properties'), path.join(down, 'mm2.properties'));
    fs.writeFileSync(path.join(down, '.mirrorlint.yaml'), `live:\n  K1: { bootstrapServers: "${k1.bootstrap}" }\n  K2: { bootstrapServers: "127.0.0.1:1" }\n`);
    const started = Date.now();
    const { code, stdout, stderr } = await cli(down, ['check', '--live', '--live-timeout', '5']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read K2 \(127\.0\.0\.1:1\)/);
    assert.match(stderr, /nothing checked/);
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  });

  it('reads a cluster again when a topic it listed is deleted while it is being read, and reports no trace of it', async () => {
    const setup = new Admin({ clientId: 'setup-doomed', bootstrapBrokers: [k1.bootstrap], timeout: 20_000 });
    await setup.createTopics({ topics: ['doomed'], partitions: 1, replicas: 1 });
    // The class as MirrorLint loads it (a dynamic import, which may be another instance of the module than this file's).
    const { Admin: LiveAdmin } = await import('@platformatic/kafka');
    const original = LiveAdmin.prototype.describeConfigs;
    const described: boolean[] = [];
    // When MirrorLint describes the topics it listed in K1, `doomed` among them, it is deleted just before.
    LiveAdmin.prototype.describeConfigs = async function (this: Admin, ...args: Parameters<typeof original>) {
      const names = (args[0] as unknown as { resources: { resourceName: string }[] }).resources.map((r) => r.resourceName);
      if (names.includes('orders') && names.length < 100) described.push(names.includes('doomed'));
      if (names.includes('doomed') && described.filter(Boolean).length === 1) {
        await setup.deleteTopics({ topics: ['doomed'] });
        for (let i = 0; i < 50 && (await setup.listTopics()).includes('doomed'); i++) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return original.apply(this, args);
    } as typeof original;
    try {
      const { code, stdout, stderr } = await cli(workspace, ['snapshot', '--live']);
      assert.equal(code, 0, stderr);
      // K1 was described with `doomed`, failed, listed again and described without it.
      assert.ok(described.includes(true) && described.lastIndexOf(false) > described.indexOf(true), JSON.stringify(described));
      assert.doesNotMatch(stdout, /doomed/);
      assert.match(stdout, /orders:/);
    } finally {
      LiveAdmin.prototype.describeConfigs = original;
      await setup.close();
    }
  });

  it('against a running MirrorMaker 2: silent once it has replicated, and a topic it did not copy is missing', async () => {
    // MM2 itself between the two brokers (K2 with its SCRAM login), the file MirrorLint checks.
    const running = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-live-mm2-'));
    const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${K2_USER.username}" password="${K2_USER.password}";`;
    const mm2File = path.join(running, 'mm2.properties');
    fs.writeFileSync(mm2File, [
      'clusters = K1, K2', `K1.bootstrap.servers = ${k1.bootstrap}`, `K2.bootstrap.servers = ${k2.bootstrap}`,
      'K2.security.protocol = SASL_PLAINTEXT', 'K2.sasl.mechanism = SCRAM-SHA-512', `K2.sasl.jaas.config = ${jaas}`,
      'K1->K2.enabled = true', 'K1->K2.topics = orders, invoices-.*', 'K2->K1.enabled = true', 'K2->K1.topics = orders',
      'sync.topic.configs.interval.seconds = 1', COMMON_SETTINGS, '',
    ].join('\n'));
    fs.writeFileSync(path.join(running, '.mirrorlint.yaml'), liveConfig(K2_PASSWORD_REFERENCE));
    // K1's `orders` gets records, and the group `shipping` has read two of them: MM2 checkpoints it into K2.
    const producer = new Producer({ clientId: 'setup-records', bootstrapBrokers: [k1.bootstrap], timeout: 20_000 });
    await producer.send({ messages: [0, 1, 2].map((i) => ({ topic: 'orders', key: Buffer.from(`order-${i}`), value: Buffer.from(`{"id":${i}}`) })) });
    await producer.close();
    const k1Admin = new Admin({ clientId: 'setup-shipping', bootstrapBrokers: [k1.bootstrap], timeout: 20_000 });
    await k1Admin.alterConsumerGroupOffsets({ groupId: 'shipping', topics: [{ name: 'orders', partitionOffsets: [{ partition: 0, offset: 2n }] }] } as never);
    await k1Admin.close();
    const k2Connection = { bootstrapServers: k2.bootstrap, sasl: { mechanism: 'SCRAM-SHA-512', username: K2_USER.username, password: K2_USER.password } };
    // MM2 has checkpointed shipping into K2, and each cluster's heartbeats have arrived in their copy in the other.
    const mm2Records = async () => {
      const [inK1, inK2] = await Promise.all([fetchCluster('K1', { bootstrapServers: k1.bootstrap }, { timeoutMs: 10_000, folder: running }), fetchCluster('K2', k2Connection, { timeoutMs: 10_000, folder: running })]);
      const checkpointed = inK2.checkpoints?.['K1.checkpoints.internal']?.shipping?.includes('K1.orders') ?? false;
      const heartbeatsCopied = inK2.heartbeats?.copies?.['K1.heartbeats'] !== undefined && inK1.heartbeats?.copies?.['K2.heartbeats'] !== undefined;
      return checkpointed && heartbeatsCopied;
    };
    const remoteState = async () => {
      const a1 = new Admin({ clientId: 'probe-k1', bootstrapBrokers: [k1.bootstrap], timeout: 10_000 });
      const a2 = new Admin({ clientId: 'probe-k2', bootstrapBrokers: [k2.bootstrap], timeout: 10_000, sasl: { mechanism: 'SCRAM-SHA-512', username: K2_USER.username, password: K2_USER.password } });
      try {
        const inK1 = await a1.listTopics();
        const configs = (await a2.describeConfigs({ resources: [{ resourceType: 2, resourceName: 'K1.orders' }] } as never)) as { configs: { name: string; value: string | null }[] }[];
        return { k2OrdersInK1: inK1.includes('K2.orders'), retentionSynced: configs[0].configs.some((c) => c.name === 'retention.ms' && c.value === '604800000'), mm2Records: await mm2Records() };
      } finally {
        await Promise.all([a1.close(), a2.close()]);
      }
    };
    const mm2 = start(runtime.java, ['-Xms256m', '-Xmx768m', '-cp', runtime.classpath, 'org.apache.kafka.connect.mirror.MirrorMaker', mm2File], { logFile: path.join(running, 'mirrormaker.log') });
    try {
      const deadline = Date.now() + 150_000;
      for (;;) {
        if (mm2.child.exitCode !== null) throw new Error(`MirrorMaker exited (${mm2.child.exitCode}):\n${mm2.tail()}`);
        const state = await remoteState().catch(() => undefined);
        if (state?.k2OrdersInK1 && state.retentionSynced && state.mm2Records) break;
        if (Date.now() > deadline) throw new Error(`MirrorMaker did not replicate within 150 s (${JSON.stringify(state)}):\n${mm2.tail()}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } finally {
      await mm2.stop(10_000);
    }
    const live = async () => {
      const { code, stdout, stderr } = await cli(running, ['check', '--live', '--format', 'json']);
      assert.equal(code === 0 || code === 1, true, stderr);
      return (JSON.parse(stdout).findings as { rule: string; message: string }[]).map((f) => `${f.rule}: ${f.message.split(/(?<=\.)\s/)[0]}`);
    };
    // MM2 made K2.orders in K1, copied K1's retention.ms onto K2's K1.orders, checkpointed shipping,
    // and sent heartbeats until seconds ago: nothing to say about them.
    const replicated = await live();
    assert.ok(!replicated.some((r) => r.startsWith('remote-topic-missing') || r.includes('of remote topic')), replicated.join('\n'));
    assert.ok(!replicated.some((r) => r.startsWith('heartbeats-not-arriving') || r.startsWith('checkpoints-missing')), replicated.join('\n'));
    // Each cluster's heartbeats (from the other's heartbeat connector) arrived in the other's copy.
    const snapshot = await cli(running, ['snapshot', '--live']);
    assert.match(snapshot.stdout, /copies:\n\s+K1\.heartbeats: /);
    assert.match(snapshot.stdout, /copies:\n\s+K2\.heartbeats: /);
    // A group that reads `orders` after MM2 stopped has no checkpoint in K2.
    const late = new Admin({ clientId: 'setup-late', bootstrapBrokers: [k1.bootstrap], timeout: 20_000 });
    await late.alterConsumerGroupOffsets({ groupId: 'late', topics: [{ name: 'orders', partitionOffsets: [{ partition: 0, offset: 1n }] }] } as never);
    await late.close();
    // With MM2 stopped, a new topic the flow admits gets no copy.
    const a1 = new Admin({ clientId: 'setup-invoices', bootstrapBrokers: [k1.bootstrap], timeout: 20_000 });
    await a1.createTopics({ topics: ['invoices-2026'], partitions: 1, replicas: 1 });
    await a1.close();
    const stopped = await live();
    assert.ok(stopped.includes('remote-topic-missing: Remote topic `K1.invoices-2026` is missing in K2.'), stopped.join('\n'));
    assert.ok(stopped.includes('checkpoints-missing: Group `late` has no checkpoint in K2 for `K1.orders`.'), stopped.join('\n'));
    assert.ok(!stopped.some((r) => r.startsWith('checkpoints-missing: Group `shipping`')), stopped.join('\n'));
  });

  // Last: it fills K1 with topics the tests above do not expect.
  it('reads a large cluster (5,000 topics, 1,000 groups) within 30 s and bounded memory, and checks it', async () => {
    const admin = new Admin({ clientId: 'setup-large', bootstrapBrokers: [k1.bootstrap], timeout: 120_000 });
    try {
      const names = Array.from({ length: 5000 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
      for (let i = 0; i < names.length; i += 500) await admin.createTopics({ topics: names.slice(i, i + 500), partitions: 1, replicas: 1 });
      // New topics and K1's first groups (its offsets topic is created on demand) take a moment to be served.
      const withRetries = async (attempt: () => Promise<unknown>): Promise<void> => {
        for (let tries = 1; ; tries++) {
          try {
            await attempt();
            return;
          } catch (error) {
            if (tries === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      };
      for (let g = 0; g < 1000; g++) {
        await withRetries(() => admin.alterConsumerGroupOffsets({ groupId: `reader-${g}`, topics: [{ name: names[(g * 5) % names.length], partitionOffsets: [{ partition: 0, offset: 0n }] }] } as never));
      }
    } finally {
      await admin.close();
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const { code, stdout, stderr } = await cli(workspace, ['check', '--live', '--format', 'json', '--live-timeout', '30']);
    const elapsed = Date.now() - started;
    assert.equal(code, 0, stderr);
    assert.ok(elapsed < 30_000, `${elapsed} ms`);
    const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    assert.ok(heapGrowth < 500, `heap grew ${heapGrowth.toFixed(0)} MB`);
    console.log(`large cluster: read and checked in ${elapsed} ms, heap +${heapGrowth.toFixed(0)} MB`);
    const findings = JSON.parse(stdout).findings as { rule: string; message: string }[];
    // Every bulk topic of K1 is admitted by K1->K2 and no MM2 runs: each copy is missing in K2.
    assert.equal(findings.filter((f) => f.rule === 'remote-topic-missing' && /`K1\.bulk-\d{4}` is missing in K2/.test(f.message)).length, 5000);
  });
});
