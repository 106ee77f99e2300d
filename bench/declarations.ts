// An active-active pair's declarations over the real server on stdio: K1's file and the MM2 file
// on disk, K2's open in the editor and edited. For each edit: didChange → K2's publishDiagnostics
// (what the user waits for), and the server's CPU time until the whole pass ends (the status
// notification: K1's file is linted after K2's diagnostics went out). Two kinds of edit in one
// entry in the middle of the topics: a digit replaced (nothing moves), and a character typed and
// deleted again (every later entry moves). Push debounce 0. Run after `npm run build`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../test/protocol/lspClient';
import { declarationPair } from './declarationPair';
import { cpuMs, percentile } from './measure';

const SIZES = (process.env.BENCH_TOPICS ?? '1000,10000').split(',').map(Number);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const P95_TARGET_MS = 30;

async function measure(topics: number): Promise<Record<'replace' | 'typing', { latency: number[]; cpu: number[] }>> {
  const { mm2, k1, k2 } = declarationPair(topics, topics / 5);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-bench-decl-'));
  fs.writeFileSync(path.join(folder, 'mm2.properties'), mm2);
  fs.writeFileSync(path.join(folder, 'k1.topology.yaml'), k1);
  fs.writeFileSync(path.join(folder, 'k2.topology.yaml'), k2);
  const uri = pathToFileURL(path.join(folder, 'k2.topology.yaml')).href;
  const client = new TestClient();
  let passes = 0;
  client.connection.onNotification('mirrorlint/status', () => passes++);
  const passEnded = async (count: number): Promise<void> => {
    while (passes < count) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  await client.initializeFolder(folder, { pushDelayMs: 0 });
  await client.open(uri, k2, 'yaml');
  await client.nextDiagnostics(uri, 120_000);
  await passEnded(1);
  const lines = k2.split('\n');
  const line = lines.findIndex((l) => l.startsWith(`  topic-${Math.floor(topics / 2)}:`));
  const digit = lines[line].indexOf('partitions: ') + 'partitions: '.length + 1;
  const quote = lines[line].indexOf('"604800000"') + 1;
  const results = { replace: { latency: [] as number[], cpu: [] as number[] }, typing: { latency: [] as number[], cpu: [] as number[] } };
  let version = 1;
  for (let edit = 0; edit < 2 * (WARMUP + EDITS); edit++) {
    const kind = edit % 2 === 0 ? 'replace' : 'typing';
    const round = Math.floor(edit / 2);
    // Replace: `12` ↔ `13`; typing: a digit inserted, then deleted on the next round of that kind.
    const change =
      kind === 'replace'
        ? { range: { start: { line, character: digit }, end: { line, character: digit + 1 } }, text: round % 2 === 0 ? '3' : '2' }
        : round % 2 === 0
          ? { range: { start: { line, character: quote }, end: { line, character: quote } }, text: '1' }
          : { range: { start: { line, character: quote }, end: { line, character: quote + 1 } }, text: '' };
    const cpuBefore = cpuMs(client.pid);
    const start = performance.now();
    const expected = passes + 1;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    // Publications of earlier passes may still be queued: the edit's own carry its version.
    while ((await client.nextDiagnostics(uri, 120_000)).version !== version);
    const latency = performance.now() - start;
    await passEnded(expected);
    if (round >= WARMUP) {
      results[kind].latency.push(latency);
      results[kind].cpu.push(cpuMs(client.pid) - cpuBefore);
    }
  }
  await client.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
  return results;
}

async function main(): Promise<void> {
  console.log('| topics per cluster | edit | didChange → diagnostics p50 | p95 | server CPU per edit (mean) |');
  console.log('| ---: | --- | ---: | ---: | ---: |');
  let failed = false;
  for (const topics of SIZES) {
    const results = await measure(topics);
    for (const kind of ['replace', 'typing'] as const) {
      const { latency, cpu } = results[kind];
      const p95 = percentile(latency, 95);
      if (topics === 10_000 && p95 > P95_TARGET_MS) failed = true;
      console.log(`| ${topics.toLocaleString('en')} | ${kind} | ${percentile(latency, 50).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(0)} ms |`);
    }
  }
  console.log(`Target: p95 ≤ ${P95_TARGET_MS} ms at 10,000 topics — ${!SIZES.includes(10_000) ? 'not measured' : failed ? 'MISSED' : 'met'}`);
  process.exitCode = failed ? 1 : 0;
}

void main();
