// Live mode, end to end on this machine: two single-node Kafka brokers (K2 wants a SCRAM login) and
// a MirrorMaker 2 between them, from Apache Kafka's Maven artifacts; a drifted active-active setup;
// then `mirrorlint check --live` on it. Everything listens on 127.0.0.1 and is stopped at the end.
//
//   node --import tsx examples/live/run.ts          (needs Java 17 and Maven; `npm run example:live`)
//
// The workspace it checks (mm2.properties, .mirrorlint.yaml) is left in the folder it prints.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Admin, Producer } from '@platformatic/kafka';
import { runWithLive } from '../../server/src/cli/main';
import '../../server/src/node/live/fetch';
import { startBroker, type Broker } from '../../test/kafka/brokers';
import { prepare, toolchain } from '../../test/kafka/java';
import { killAll, start } from '../../test/kafka/processes';
import { COMMON_SETTINGS } from '../../test/kafka/scenarios';

const KAFKA = '4.3.1';
const K2_USER = { username: 'mirrorlint', password: 'example-Secret-1' };

async function main(): Promise<number> {
  const tools = toolchain();
  if (typeof tools === 'string') throw new Error(`this example needs Java and Maven: ${tools}`);
  const runtime = prepare(tools, KAFKA, (line) => console.log(line));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-live-example-'));
  console.log(`starting two Kafka ${KAFKA} brokers in ${dir}…`);
  const [k1, k2] = await Promise.all([startBroker(runtime, dir, 'k1'), startBroker(runtime, dir, 'k2', undefined, K2_USER)]);
  const processes = [k1.process, k2.process];
  try {
    const sasl = { mechanism: 'SCRAM-SHA-512' as const, username: K2_USER.username, password: K2_USER.password };
    const admin = (broker: Broker) => new Admin({ clientId: 'example', bootstrapBrokers: [broker.bootstrap], timeout: 20_000, ...(broker === k2 ? { sasl } : {}) });
    // The drift: `orders` keeps a week in K1 but a day in K2, and K2's billing group reads only K2's own `orders`.
    for (const [broker, retention] of [[k1, '604800000'], [k2, '86400000']] as const) {
      const a = admin(broker);
      await a.createTopics({ topics: ['orders'], partitions: 3, replicas: 1 });
      await a.incrementalAlterConfigs({ resources: [{ resourceType: 2, resourceName: 'orders', configs: [{ name: 'retention.ms', configOperation: 0, value: retention }] }] } as never);
      if (broker === k2) await a.alterConsumerGroupOffsets({ groupId: 'billing', topics: [{ name: 'orders', partitionOffsets: [0, 1, 2].map((partition) => ({ partition, offset: 0n })) }] } as never);
      await a.close();
    }
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
    const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${K2_USER.username}" password="${K2_USER.password}";`;
    const mm2File = path.join(workspace, 'mm2.properties');
    fs.writeFileSync(mm2File, [
      '# An active-active pair; this file is what MirrorMaker 2 runs and what MirrorLint checks.',
      'clusters = K1, K2', `K1.bootstrap.servers = ${k1.bootstrap}`, `K2.bootstrap.servers = ${k2.bootstrap}`,
      'K2.security.protocol = SASL_PLAINTEXT', 'K2.sasl.mechanism = SCRAM-SHA-512', `K2.sasl.jaas.config = ${jaas}`,
      'K1->K2.enabled = true', 'K1->K2.topics = orders, invoices-.*', 'K2->K1.enabled = true', 'K2->K1.topics = orders',
      COMMON_SETTINGS, '',
    ].join('\n'));
    fs.writeFileSync(path.join(workspace, '.mirrorlint.yaml'), [
      'live:',
      `  K1: { bootstrapServers: "${k1.bootstrap}" }`,
      '  K2:',
      `    bootstrapServers: "${k2.bootstrap}"`,
      `    sasl: { mechanism: SCRAM-SHA-512, username: ${K2_USER.username}, password: "\${env:K2_PASSWORD}" }`,
      '',
    ].join('\n'));
    process.env.K2_PASSWORD = K2_USER.password;

    console.log('starting MirrorMaker 2 and waiting for K1.orders in K2 and K2.orders in K1…');
    const mm2 = start(runtime.java, ['-Xms256m', '-Xmx768m', '-cp', runtime.classpath, 'org.apache.kafka.connect.mirror.MirrorMaker', mm2File], { logFile: path.join(dir, 'mirrormaker.log') });
    processes.push(mm2);
    const deadline = Date.now() + 150_000;
    for (;;) {
      const [t1, t2] = await Promise.all([admin(k1), admin(k2)].map(async (a) => a.listTopics().finally(() => a.close())));
      if (t1.includes('K2.orders') && t2.includes('K1.orders')) break;
      if (mm2.child.exitCode !== null || Date.now() > deadline) throw new Error(`MirrorMaker did not replicate:\n${mm2.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await mm2.stop(10_000);
    // MM2 is down now: a topic created from here on gets no copy, and a group that starts reading
    // K1's `orders` now gets no checkpoint in K2 (its offsets cannot be translated on failover).
    const producer = new Producer({ clientId: 'example', bootstrapBrokers: [k1.bootstrap], timeout: 20_000 });
    await producer.send({ messages: [0, 1, 2].map((i) => ({ topic: 'orders', partition: 0, key: Buffer.from(`order-${i}`), value: Buffer.from(`{"id":${i}}`) })) });
    await producer.close();
    const a1 = admin(k1);
    await a1.createTopics({ topics: ['invoices-2026'], partitions: 1, replicas: 1 });
    await a1.alterConsumerGroupOffsets({ groupId: 'shipping', topics: [{ name: 'orders', partitionOffsets: [{ partition: 0, offset: 2n }] }] } as never);
    await a1.close();

    console.log(`\n$ mirrorlint check --live   (in ${workspace})\n`);
    let report = '';
    const code = await runWithLive(['check', '--live'], workspace, (text) => {
      report += text;
      process.stdout.write(text);
    }, (text) => process.stderr.write(text));
    console.log(`\nexit code ${code}`);
    // CI runs this example: each drift it made must be found.
    const missed = ['remote-topic-missing', 'topic-config-drift', 'consumer-missing-remote-topics', 'checkpoints-missing'].filter((rule) => !report.includes(rule));
    if (missed.length) console.error(`not found: ${missed.join(', ')}`);
    return code === 2 ? 2 : missed.length ? 1 : 0;
  } finally {
    await Promise.all(processes.map((p) => p.stop(10_000)));
    killAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    killAll();
    process.exit(2);
  },
);
