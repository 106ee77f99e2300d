// End-to-end latency over the real server on stdio: didChange → publishDiagnostics, for full
// meshes of 10, 20 and 40 clusters with 2,000 named topics; and the CLI's wall time on the same files.
// The server's push debounce is set to 0 so the numbers are compute + transport, not the 200 ms
// delay an editor adds on purpose.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../test/protocol/lspClient';
import { percentile } from './measure';

const SIZES = [10, 20, 40];
const EDITS = 40;
const WARMUP = 40;
const TOPICS = 2000;
const P95_TARGET_MS = 30;

function mesh(clusters: number): string {
  const aliases = Array.from({ length: clusters }, (_, i) => `dc${i}`);
  const lines = [`clusters = ${aliases.join(', ')}`, 'enabled = true', 'sync.group.offsets.enabled = true'];
  for (const a of aliases) lines.push(`${a}.bootstrap.servers = ${a}-1:9092, ${a}-2:9092`, `${a}.security.protocol = SASL_SSL`);
  lines.push(`topics = ${Array.from({ length: TOPICS }, (_, i) => `team${i % 40}-topic-${i}`).join(', ')}`);
  lines.push('replication.factor = 3');
  return lines.join('\n');
}


async function measureServer(text: string): Promise<number[]> {
  const client = new TestClient();
  await client.initialize({ workspace: { configuration: true } }, { pushDelayMs: 0 });
  const uri = 'file:///bench/mm2.properties';
  await client.open(uri, text);
  await client.nextDiagnostics(uri, 60_000);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('replication.factor'));
  const samples: number[] = [];
  // Unmeasured edits first, as in bench/yamlls.ts: the first ones also pay for the JIT compiling
  // what they run; an editing session is long past them.
  for (let edit = 0; edit < WARMUP + EDITS; edit++) {
    const value = edit % 2 === 0 ? '2' : '3';
    const start = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: edit + 2 },
      contentChanges: [{ range: { start: { line, character: 21 }, end: { line, character: 22 } }, text: value }],
    });
    await client.nextDiagnostics(uri, 60_000);
    if (edit >= WARMUP) samples.push(performance.now() - start);
  }
  await client.shutdown();
  return samples.sort((a, b) => a - b);
}

function measureCli(file: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'mirrorlint.js'), 'check', file, '--format', 'json'], { encoding: 'utf8' });
    runs.push(performance.now() - start);
  }
  return Math.min(...runs);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-bench-'));
  const rows: string[] = ['| clusters | flows | lines | didChange→publishDiagnostics p50 | p95 | CLI wall time |', '| ---: | ---: | ---: | ---: | ---: | ---: |'];
  let previous: { flows: number; p50: number } | undefined;
  const growth: string[] = [];
  let failed = false;
  for (const size of SIZES) {
    const text = mesh(size);
    const file = path.join(dir, `mesh-${size}.mm2.properties`);
    fs.writeFileSync(file, text);
    const samples = await measureServer(text);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const flows = size * (size - 1);
    rows.push(`| ${size} | ${flows} | ${text.split('\n').length} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${measureCli(file).toFixed(0)} ms |`);
    if (previous) growth.push(`${previous.flows}→${flows} flows (×${(flows / previous.flows).toFixed(1)}): p50 ×${(p50 / previous.p50).toFixed(1)}`);
    previous = { flows, p50 };
    if (size === 40 && p95 > P95_TARGET_MS) failed = true;
  }
  console.log(rows.join('\n'));
  console.log(`\nGrowth: ${growth.join('; ')}`);
  console.log(`Target: p95 ≤ ${P95_TARGET_MS} ms at 40 clusters — ${failed ? 'MISSED' : 'met'}`);
  process.exitCode = failed ? 1 : 0;
}

void main();
