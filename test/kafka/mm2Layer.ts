import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run as runCli } from '../../server/src/cli/main';
import { atLeast, parseKafkaVersion } from '../../server/src/core/mm2/versions';
import { startBroker, type Broker } from './brokers';
import type { KafkaRuntime } from './java';
import { JsonLines, start, type Managed } from './processes';
import type { Disagreement, LayerResult } from './report';
import { COMMON_SETTINGS, SCENARIOS, type Scenario } from './scenarios';

/**
 * Layer 3: a real MirrorMaker 2 (dedicated mode, org.apache.kafka.connect.mirror.MirrorMaker) on
 * three single-node KRaft brokers. For each scenario: clean brokers, the scenario's topics with a few
 * records, `mirrorlint topology` of its file and declarations, then MirrorMaker until every topic
 * MirrorLint predicts exists (or it loops, or 2 minutes pass), a few seconds more for topics it did
 * not predict, and the comparison of every cluster's topics. Everything listens on 127.0.0.1 and
 * every process is ended by the harness.
 */
const SCENARIO_BUDGET_MS = 120_000;
const SETTLE_MS = 6_000;
const RECORDS = 5;
const KAFKA_OWN = new Set(['__consumer_offsets', '__transaction_state']);

interface Prediction {
  /** Topics each cluster has once MM2 ran: its own, their remote copies, MM2's own topics. */
  topics: Map<string, Set<string>>;
  /** MirrorLint says some topic goes around a loop. */
  loop: boolean;
  /** The copies are endless (MirrorLint listed as many as its budget allows). */
  truncated: boolean;
}

interface TopologyJson {
  deployments: {
    clusters: { alias: string; localTopics: string[] }[];
    flows: { loop: boolean }[];
    remoteTopics: Record<string, { name: string }[]>;
    mm2Topics: { cluster: string; name: string }[];
    truncated: boolean;
  }[];
}

/** What MirrorLint predicts, through the CLI the way a user runs it. */
function predict(folder: string, version: string): Prediction {
  let stdout = '';
  let stderr = '';
  const code = runCli(['topology', folder, '--format', 'json', '--kafka-version', version], folder, (t) => (stdout += t), (t) => (stderr += t));
  if (code !== 0) throw new Error(`mirrorlint topology failed (${code}): ${stderr}`);
  const topology = JSON.parse(stdout) as TopologyJson;
  const topics = new Map<string, Set<string>>();
  const add = (cluster: string, name: string) => topics.set(cluster, (topics.get(cluster) ?? new Set()).add(name));
  let loop = false;
  let truncated = false;
  for (const deployment of topology.deployments) {
    for (const cluster of deployment.clusters) for (const name of cluster.localTopics) add(cluster.alias, name);
    for (const [cluster, copies] of Object.entries(deployment.remoteTopics)) for (const copy of copies) add(cluster, copy.name);
    for (const topic of deployment.mm2Topics) add(topic.cluster, topic.name);
    loop ||= deployment.flows.some((f) => f.loop);
    truncated ||= deployment.truncated;
  }
  return { topics, loop, truncated };
}

function writeScenario(folder: string, scenario: Scenario, brokers: Broker[]): string {
  fs.mkdirSync(folder, { recursive: true });
  const aliases = Object.keys(scenario.clusters);
  const lines = [
    `clusters = ${aliases.join(', ')}`,
    ...aliases.map((alias) => `${alias}.bootstrap.servers = ${brokers[scenario.clusters[alias]].bootstrap}`),
    scenario.properties.trim(),
    COMMON_SETTINGS,
  ];
  const file = path.join(folder, 'mm2.properties');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const declared = aliases.map((alias) => `  ${JSON.stringify(alias)}:\n    topics:\n${(scenario.topics[alias] ?? []).map((t) => `      ${JSON.stringify(t)}: {}\n`).join('') || '      {}\n'}`);
  fs.writeFileSync(path.join(folder, 'scenario.topology.yaml'), `kind: KafkaTopology\nclusters:\n${declared.join('')}`);
  return file;
}

export async function mm2Layer(runtime: KafkaRuntime, only?: string): Promise<LayerResult> {
  const result: LayerResult = { layer: 'mm2', version: runtime.version, cases: 0, agreements: 0, undecided: 0, disagreements: [] };
  const version = parseKafkaVersion(runtime.version)!;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `mirrorlint-mm2-${runtime.version}-`));
  const brokers: Broker[] = [];
  let admin: Managed | undefined;
  try {
    for (const name of ['b0', 'b1', 'b2']) brokers.push(await startBroker(runtime, work, name));
    admin = start(runtime.java, ['-cp', runtime.classpath, 'org.apache.kafka.connect.mirror.MirrorLintAdmin'], { logFile: path.join(work, 'admin.log'), stdin: true });
    const tool = new JsonLines(admin);
    for (const scenario of SCENARIOS) {
      const from = scenario.from ? parseKafkaVersion(scenario.from) : undefined;
      if (from && !atLeast(version, from.major, from.minor)) continue;
      if (only && !scenario.name.includes(only)) continue;
      const disagreements = await runScenario(runtime, tool, brokers, scenario, path.join(work, scenario.name.replace(/[^a-z0-9]+/gi, '-')));
      result.cases++;
      if (disagreements.length) result.disagreements.push(...disagreements.map((detail) => ({ layer: 'mm2', version: runtime.version, kind: detail.kind as string, subject: scenario.name, detail }) satisfies Disagreement));
      else result.agreements++;
    }
  } finally {
    await admin?.stop(2000);
    await Promise.all(brokers.map((b) => b.process.stop(5000)));
  }
  if (process.env.MIRRORLINT_KEEP_MM2_LOGS) console.log(`mm2 layer logs: ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  return result;
}

/** Deletes every topic of the previous scenario and waits until they are gone (MM2 would otherwise find them half-deleted). */
async function cleanBrokers(tool: JsonLines, brokers: Broker[]): Promise<void> {
  for (const broker of brokers) await tool.request({ op: 'deleteAll', bootstrap: broker.bootstrap });
  const deadline = Date.now() + 30_000;
  for (const broker of brokers) {
    for (;;) {
      const { topics } = (await tool.request({ op: 'list', bootstrap: broker.bootstrap })) as { topics: string[] };
      if (topics.every((t) => KAFKA_OWN.has(t))) break;
      if (Date.now() > deadline) throw new Error(`topics of the previous scenario are still on ${broker.name} after 30 s: ${topics.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

async function runScenario(runtime: KafkaRuntime, tool: JsonLines, brokers: Broker[], scenario: Scenario, folder: string): Promise<Record<string, unknown>[]> {
  const aliases = Object.keys(scenario.clusters);
  const brokerOf = (alias: string) => brokers[scenario.clusters[alias]];
  for (const broker of brokers) {
    if (broker.process.child.exitCode !== null || broker.process.child.signalCode !== null) throw new Error(`broker ${broker.name} died before scenario "${scenario.name}":\n${broker.process.tail()}`);
  }
  await cleanBrokers(tool, brokers);
  const file = writeScenario(folder, scenario, brokers);
  const prediction = predict(folder, runtime.version);
  for (const alias of aliases) {
    const topics = scenario.topics[alias] ?? [];
    if (!topics.length) continue;
    await tool.request({ op: 'create', bootstrap: brokerOf(alias).bootstrap, topics });
    for (const topic of topics) await tool.request({ op: 'produce', bootstrap: brokerOf(alias).bootstrap, topic, count: RECORDS });
  }
  const observe = async (): Promise<Map<string, Set<string>>> => {
    const seen = new Map<string, Set<string>>();
    for (const alias of aliases) {
      const { topics } = (await tool.request({ op: 'list', bootstrap: brokerOf(alias).bootstrap })) as { topics: string[] };
      seen.set(alias, new Set(topics.filter((t) => !KAFKA_OWN.has(t))));
    }
    return seen;
  };
  /** MM2 loops when a topic comes back into the cluster it started in: more records than were written, or a new topic named after it. */
  const looped = async (seen: Map<string, Set<string>>): Promise<boolean> => {
    for (const alias of aliases) {
      const own = scenario.topics[alias] ?? [];
      if (!own.length) continue;
      const { offsets } = (await tool.request({ op: 'endOffsets', bootstrap: brokerOf(alias).bootstrap, topics: own })) as { offsets: Record<string, number> };
      if (own.some((t) => (offsets[t] ?? 0) > RECORDS)) return true;
      if ([...(seen.get(alias) ?? [])].some((name) => own.some((t) => name !== t && name.endsWith(t)))) return true;
    }
    return false;
  };
  const complete = (seen: Map<string, Set<string>>): boolean => aliases.every((alias) => [...(prediction.topics.get(alias) ?? [])].every((t) => seen.get(alias)?.has(t)));

  const mm2 = start(runtime.java, ['-Xms256m', '-Xmx768m', '-cp', runtime.classpath, 'org.apache.kafka.connect.mirror.MirrorMaker', file], { logFile: path.join(folder, 'mirrormaker.log') });
  let seen = new Map<string, Set<string>>();
  let loop = false;
  const deadline = Date.now() + SCENARIO_BUDGET_MS - SETTLE_MS;
  try {
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (mm2.child.exitCode !== null) throw new Error(`MirrorMaker exited (${mm2.child.exitCode}) in scenario "${scenario.name}":\n${mm2.tail()}`);
      seen = await observe();
      if (scenario.loops) {
        loop = await looped(seen);
        if (loop) break;
      } else if (complete(seen)) break;
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    seen = await observe();
    loop ||= await looped(seen);
  } finally {
    await mm2.stop(10_000);
  }

  const disagreements: Record<string, unknown>[] = [];
  if (loop !== prediction.loop) disagreements.push({ kind: loop ? 'MM2 loops, MirrorLint sees no loop' : 'MirrorLint predicts a loop, MM2 does not loop' });
  for (const alias of aliases) {
    const predicted = prediction.topics.get(alias) ?? new Set<string>();
    const observed = seen.get(alias) ?? new Set<string>();
    // Endless copies (a loop that renames): MM2 has made only some of them in the time given.
    const missing = prediction.truncated || scenario.loops ? [] : [...predicted].filter((t) => !observed.has(t));
    const extra = [...observed].filter((t) => !predicted.has(t));
    if (missing.length) disagreements.push({ kind: 'MirrorLint predicts topics MM2 did not create', cluster: alias, topics: missing.sort() });
    if (extra.length) disagreements.push({ kind: 'MM2 created topics MirrorLint did not predict', cluster: alias, topics: extra.sort() });
  }
  return disagreements;
}
