import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KafkaRuntime } from './java';
import { freePort, start, type Managed } from './processes';

/** A single-node KRaft Kafka (broker and controller in one process) on 127.0.0.1, from the Maven jars. */
export interface Broker {
  name: string;
  bootstrap: string;
  process: Managed;
}

const JVM = ['-Xms256m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/** Kafka's cluster ids are 16 random bytes, URL-safe base64 without padding; one that starts with `-` would read as an option. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** A SCRAM-SHA-512 user the broker knows from its first start: clients then have to log in. */
export interface ScramUser {
  username: string;
  password: string;
}

/** Java's JAAS syntax wants its string values quoted; a test password never holds a quote. */
const jaas = (user: ScramUser): string => `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user.username}" password="${user.password}";`;

/**
 * Starts a broker; when a port it was given is taken by the time it binds (another process got there
 * first), it starts afresh on other ports, twice at most.
 */
export async function startBroker(runtime: KafkaRuntime, folder: string, name: string, timeoutMs = 90_000, scram?: ScramUser): Promise<Broker> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBrokerOnce(runtime, folder, name, timeoutMs, scram);
    } catch (error) {
      const log = path.join(folder, name, 'broker.log');
      const portTaken = fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('Address already in use');
      if (!portTaken || attempt === 3) throw error;
      fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    }
  }
}

async function startBrokerOnce(runtime: KafkaRuntime, folder: string, name: string, timeoutMs: number, scram?: ScramUser): Promise<Broker> {
  const home = path.join(folder, name);
  fs.mkdirSync(path.join(home, 'data'), { recursive: true });
  const port = await freePort();
  const controller = await freePort();
  const config = path.join(home, 'server.properties');
  const listener = scram ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
  fs.writeFileSync(
    config,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `listeners=${listener}://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}`,
      `advertised.listeners=${listener}://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      `listener.security.protocol.map=${listener}:${listener},CONTROLLER:PLAINTEXT`,
      `inter.broker.listener.name=${listener}`,
      ...(scram
        ? ['sasl.enabled.mechanisms=SCRAM-SHA-512', 'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512', `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${jaas(scram)}`]
        : []),
      `controller.quorum.voters=1@127.0.0.1:${controller}`,
      `log.dirs=${path.join(home, 'data')}`,
      'num.partitions=1',
      'auto.create.topics.enable=false',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=3',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'log.flush.interval.messages=1',
      '',
    ].join('\n'),
  );
  const log = (what: string) => path.join(home, `${what}.log`);
  // KRaft keeps SCRAM credentials in its metadata log: the first user is written when formatting.
  const addScram = scram ? ['--add-scram', `SCRAM-SHA-512=[name=${scram.username},password=${scram.password}]`] : [];
  const format = start(runtime.java, [...JVM, '-cp', runtime.classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', config, ...addScram], { logFile: log('format') });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`formatting ${name}'s storage took over 60 s`)), 60_000);
    format.child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`formatting ${name}'s storage failed (${code}):\n${format.tail()}`));
    });
  });
  const broker = start(runtime.java, [...JVM, `-Dkafka.logs.dir=${home}`, '-cp', runtime.classpath, 'kafka.Kafka', config], { logFile: log('broker') });
  try {
    await broker.waitFor(/Kafka Server started|\[KafkaRaftServer nodeId=1\] Kafka Server started/, timeoutMs, `broker ${name} to start`);
  } catch (error) {
    await broker.stop(2000);
    throw error;
  }
  return { name, bootstrap: `127.0.0.1:${port}`, process: broker };
}
