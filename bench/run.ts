// Analysis-time benchmarks: p50/p95 of a full re-analysis (parse + model + all rules), as the
// server does on every edit. Targets come from shared/reference/anchors.md §3.5.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { analyzeProperties } from '../server/src/core';
import { parseProperties } from '../server/src/core/formats/properties/parse';
import { Analyzer } from '../server/src/core/service/analysis';
import { strimziFile } from './strimziFile';
import { declarationPair } from './declarationPair';
import { percentile } from './measure';

/** The yaml library's options as the reader sets them (its default duplicate-key check is quadratic in a map's size). */
const YAML_OPTIONS = { uniqueKeys: false, logLevel: 'error' } as const;

/** Every file's findings: a file is linted when its findings are first read, as the server reads them all. */
function linted(files: Map<string, { findings: unknown[] }>): void {
  for (const file of files.values()) void file.findings.length;
}

interface Runner {
  /** One re-analysis; `round` lets a case change its input each time (as typing does). */
  run: (round: number) => void;
  /** The bare parse of what the edit changed (the edited YAML document, or the properties file), for the CPU ratio. */
  bare?: (round: number) => void;
}

interface Case {
  name: string;
  /** Builds the case's input (in the process that runs it). */
  make: () => Runner;
  p95BudgetMs: number;
  /** Timed re-analyses (after up to five untimed ones); heavy cases take fewer. */
  rounds?: number;
}

/** A large but realistic config: 60 clusters with client settings and flows, a handful of mistakes. */
function realisticFile(lines: number): string {
  const aliases = Array.from({ length: 60 }, (_, i) => `dc${i}`);
  const out = [`clusters = ${aliases.join(', ')}`];
  const perCluster = ['bootstrap.servers = {a}-1:9092, {a}-2:9092', 'security.protocol = SASL_SSL', 'sasl.mechanism = SCRAM-SHA-512',
    'producer.compression.type = zstd', 'consumer.max.poll.records = 500', 'offset.storage.replication.factor = 3'];
  for (const a of aliases) for (const setting of perCluster) out.push(`${a}.${setting.replace(/\{a\}/g, a)}`);
  let i = 0;
  while (out.length < lines) {
    const source = aliases[i % aliases.length];
    const target = aliases[(i * 7 + 1) % aliases.length];
    i++;
    if (source === target) continue;
    out.push(`${source}->${target}.enabled = true`, `${source}->${target}.topics = orders-${i}, payments-.*, audit-[a-z]+`,
      `${source}->${target}.sync.group.offsets.enabled = true`, `# flow ${i}`);
    if (i % 500 === 0) out.push(`${source}->${target}.topics.exlude = tmp-.*`);
  }
  return out.join('\n');
}

/** Every line a finding: the worst case for message and fix construction. */
function bigFile(lines: number): string {
  const out = ['clusters = K1, K2, K3', 'K1.bootstrap.servers = a:1', 'K2.bootstrap.servers = b:1', 'K3.bootstrap.servers = c:1', 'K1->K2.enabled = true', 'K2->K1.enabled = true'];
  const kinds = [
    (i: number) => `K1->K2.producer.client.id = producer-${i}`,
    (i: number) => `K2.consumer.max.poll.records = ${i}`,
    (i: number) => `# comment ${i}`,
    (i: number) => `K1->K2.topics = orders-${i}, payments-[0-9]+, audit-.*`,
    (i: number) => `topics.exlude${i} = x`,
    (i: number) => `K1->K3.replication.factor = ${i % 5}`,
  ];
  for (let i = out.length; i < lines; i++) out.push(kinds[i % kinds.length](i));
  return out.join('\n');
}

function mesh(clusters: number): string {
  const aliases = Array.from({ length: clusters }, (_, i) => `C${i}`);
  const out = [`clusters = ${aliases.join(', ')}`];
  for (const a of aliases) out.push(`${a}.bootstrap.servers = ${a.toLowerCase()}:9092`);
  for (const a of aliases) for (const b of aliases) if (a !== b) out.push(`${a}->${b}.enabled = true`, `${a}->${b}.topics = orders, payments`);
  return out.join('\n');
}

/**
 * An active-active pair with large declarations: 1,000 topics, 300 schemas, 200 consumer groups and
 * 200 producers per cluster, some drifting. Each round edits K2's file, as typing there does: the
 * other files come from the parse cache, the binding, replay and rules run in full.
 */
function activeActiveWorkspace(topics = 1000, groups = 200): Runner {
  const { mm2, k1, k2 } = declarationPair(topics, groups);
  // One analyzer across rounds: its facts cache is what the server keeps between keystrokes.
  const analyzer = new Analyzer({ readText: () => undefined });
  const edited = (round: number) => `${k2}\n# edit ${round}\n`;
  return {
    run: (round) => {
      linted(analyzer.analyze([
        { uri: '/w/mm2.properties', text: mm2 },
        { uri: '/w/k1.topology.yaml', text: k1 },
        { uri: '/w/k2.topology.yaml', text: edited(round) },
      ], { folders: [] }).files);
    },
    // The file is one YAML document: its bare parse is the whole file's.
    bare: (round) => void parseAllDocuments(edited(round), YAML_OPTIONS),
  };
}

/** The 200-resource Strimzi file of bench/yamlls.ts, typing in its first resource (every later one moves). */
function strimziTyping(resources: number): Runner {
  const text = strimziFile(resources);
  const firstEnd = text.indexOf('\n---\n') + 1;
  const edited = (round: number) => text.replace('replicas: 2', `replicas: ${round}`);
  const analyzer = new Analyzer({ readText: () => undefined });
  return {
    run: (round) => linted(analyzer.analyze([{ uri: '/w/mm2.yaml', text: edited(round) }], { folders: [] }).files),
    bare: (round) => void parseAllDocuments(edited(round).slice(0, firstEnd + String(round).length - 1), YAML_OPTIONS),
  };
}

/**
 * A repository of 1,000 dedicated-mode MM2 files: 100 deployments of 10 files (one per MM2 node
 * group), each file a pair of clusters of its deployment. Each round edits one file; the others
 * come from the parse cache.
 */
function thousandFiles(): Runner {
  const files = Array.from({ length: 1000 }, (_, i) => {
    const d = Math.floor(i / 10);
    const a = `d${d}c${i % 5}`;
    const b = `d${d}c${(i + 1) % 5}`;
    return { uri: `/w/d${d}/node-${i}.mm2.properties`, text: `clusters = ${a}, ${b}\n${a}.bootstrap.servers = ${a}:9092\n${b}.bootstrap.servers = ${b}:9092\n${a}->${b}.enabled = true\n${a}->${b}.topics = orders-${i}, payments\n` };
  });
  const analyzer = new Analyzer({ readText: () => undefined });
  return {
    run: (round) => {
      const edited = round % files.length;
      linted(analyzer.analyze(files.map((f, i) => (i === edited ? { ...f, text: `${f.text}# edit ${round}\n` } : f)), { folders: [] }).files);
    },
    bare: (round) => void parseProperties(`${files[round % files.length].text}# edit ${round}\n`),
  };
}

/** An 80-cluster mesh under IdentityReplicationPolicy with disjoint filters: the loop search on every edit. */
function identityMesh(clusters: number): string {
  const aliases = Array.from({ length: clusters }, (_, i) => `C${i}`);
  const out = [`clusters = ${aliases.join(', ')}`, 'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy'];
  for (const a of aliases) out.push(`${a}.bootstrap.servers = ${a.toLowerCase()}:9092`);
  for (let i = 0; i < clusters; i++) out.push(`C${i}->C${(i + 1) % clusters}.enabled = true`, `C${i}->C${(i + 1) % clusters}.topics = t${i}-.*`);
  return out.join('\n');
}

const single = (text: string): Runner => ({ run: () => void analyzeProperties(text).findings, bare: () => void parseProperties(text) });

/** Typing in one file: the server's analyzer kept across rounds, a comment appended each round. */
function typing(text: string): Runner {
  const analyzer = new Analyzer({ readText: () => undefined });
  const edited = (round: number) => `${text}\n# edit ${round}\n`;
  return { run: (round) => linted(analyzer.analyze([{ uri: '/w/mm2.properties', text: edited(round) }], { folders: [] }).files), bare: (round) => void parseProperties(edited(round)) };
}

const CASES: Case[] = [
  { name: '5,000-line realistic file (60 clusters)', make: () => single(realisticFile(5000)), p95BudgetMs: 50 },
  { name: '5,000-line file, ~3,000 findings', make: () => single(bigFile(5000)), p95BudgetMs: 80 },
  { name: '40-cluster full mesh (1,560 flows)', make: () => single(mesh(40)), p95BudgetMs: 50 },
  { name: 'Kafka sample config', make: () => single(bigFile(60)), p95BudgetMs: 5 },
  { name: 'active-active declarations (2 × 1,000 topics, 200 groups), one file edited', make: () => activeActiveWorkspace(), p95BudgetMs: 250 },
  { name: 'active-active declarations (2 × 10,000 topics, 2,000 groups), one file edited', make: () => activeActiveWorkspace(10_000, 2_000), p95BudgetMs: 1000, rounds: Number(process.env.BENCH_ROUNDS ?? 10) },
  { name: '1,000 MM2 files in 100 deployments, one file edited', make: () => thousandFiles(), p95BudgetMs: 100 },
  { name: '40-cluster full mesh (1,560 flows), typing', make: () => typing(mesh(40)), p95BudgetMs: 50 },
  { name: '80-cluster Identity ring, typing', make: () => typing(identityMesh(80)), p95BudgetMs: 100 },
  { name: '200-resource Strimzi file (7,600 lines), typing in the first resource', make: () => strimziTyping(200), p95BudgetMs: 30 },
  { name: 'active-active declarations (2 × 50,000 topics, 10,000 groups), one file edited', make: () => activeActiveWorkspace(50_000, 10_000), p95BudgetMs: 1000, rounds: 3 },
];

/** Median of `rounds` timings of `run` (after one untimed call). */
function medianMs(run: (round: number) => void, rounds: number): number {
  run(0);
  const samples = Array.from({ length: rounds }, (_, i) => {
    const start = performance.now();
    run(100 + i);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return percentile(samples, 50);
}

/** One case, measured in this process. */
function measure(benchCase: Case): boolean {
  const { run, bare } = benchCase.make();
  const rounds = benchCase.rounds ?? 40;
  for (let i = 0; i < Math.min(5, rounds); i++) run(i); // warm up
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    run(100 + i);
    const used = process.cpuUsage(startCpu);
    samples.push(performance.now() - start);
    // CPU of the process, its garbage collector's threads included: what an edit costs the machine.
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const ok = p95 <= benchCase.p95BudgetMs;
  // What the analysis keeps between keystrokes (the heap after a full collection), and the most the
  // process ever held: the end's resident size says more about when the collector last ran.
  (globalThis as { gc?: () => void }).gc?.();
  const liveMb = process.memoryUsage().heapUsed / 1e6;
  const peakMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
  const cpuMs = percentile(cpu, 50);
  const bareMs = bare ? medianMs(bare, Math.min(rounds, 20)) : undefined;
  const ratio = bareMs ? `, CPU per edit ${cpuMs.toFixed(1)} ms = ${(cpuMs / bareMs).toFixed(1)}× the bare parse of the edited document (${bareMs.toFixed(1)} ms)` : '';
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${benchCase.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (budget ${benchCase.p95BudgetMs} ms)${ratio}, live heap ${liveMb.toFixed(0)} MB, peak rss ${peakMb.toFixed(0)} MB`);
  return ok;
}

// Each case runs in a process of its own, so that one case's heap does not slow the next.
// BENCH_ONLY=<part of a name>: only the matching cases.
const index = process.env.BENCH_CASE;
if (index !== undefined) process.exitCode = measure(CASES[Number(index)]) ? 0 : 1;
else {
  let failed = false;
  CASES.forEach((benchCase, i) => {
    if (process.env.BENCH_ONLY && !benchCase.name.includes(process.env.BENCH_ONLY)) return;
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename], { stdio: 'inherit', env: { ...process.env, BENCH_CASE: String(i) } });
    failed ||= child.status !== 0;
  });
  process.exitCode = failed ? 1 : 0;
}
