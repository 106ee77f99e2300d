// Side by side with yaml-language-server on the same Strimzi KafkaMirrorMaker2 files, validated
// against the same CRD schema (schemas/kafkamirrormaker2.v1beta2.json), both with no debounce:
// cold start to the first diagnostics, and per edit the latency from didChange to
// publishDiagnostics and the server's CPU time (/proc). Edits are interleaved between the servers.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { strimziFile } from './strimziFile';
import { cpuMs, percentile } from './measure';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

const ROOT = path.join(__dirname, '..');
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const SCHEMA = pathToFileURL(path.join(ROOT, 'schemas', 'kafkamirrormaker2.v1beta2.json')).href;

/** yaml-language-server with its 200 ms validation delay set to 0, so that both servers answer as fast as they can. */
const YAMLLS_WITHOUT_DELAY = `
const settings = require(${JSON.stringify(require.resolve('yaml-language-server/out/src/yamlSettings.js'))});
const Original = settings.SettingsState;
settings.SettingsState = class extends Original { constructor() { super(); this.validationDelayMs = 0; } };
process.argv.splice(2, 0, '--stdio');
process.env.YAML_LANGUAGE_SERVER_VERSION = 'bench';
require(${JSON.stringify(path.join(path.dirname(require.resolve('yaml-language-server/out/src/yamlSettings.js')), 'server.js'))});
`;

interface Server {
  name: string;
  process: ChildProcess;
  connection: ProtocolConnection;
  next(uri: string): Promise<void>;
}

function startServer(name: string, command: string[], settings: (section: string | undefined) => unknown): Server {
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
    const resolve = waiting.get(params.uri);
    waiting.delete(params.uri);
    resolve?.();
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => settings(item.section)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  return {
    name,
    process: child,
    connection,
    next: (uri) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: no diagnostics within 120 s`)), 120_000);
      waiting.set(uri, () => {
        clearTimeout(timer);
        resolve();
      });
    }),
  };
}

interface Measured {
  coldMs: number;
  latencies: number[];
  cpuPerEdit: number;
}

/** The wrapper as a file: `node -e` leaves no script in argv, where the server looks for `--stdio`. */
function yamllsScript(dir: string): string {
  const file = path.join(dir, 'yaml-language-server-without-delay.js');
  fs.writeFileSync(file, YAMLLS_WITHOUT_DELAY);
  return file;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-yamlls-'));
  const servers = [
    {
      name: 'MirrorLint',
      command: [path.join(ROOT, 'dist', 'server.js'), '--stdio'],
      settings: () => ({ rules: {} }),
      options: { pushDelayMs: 0 },
    },
    {
      name: 'yaml-language-server',
      command: [yamllsScript(dir)],
      settings: (section: string | undefined) => (section === 'yaml' ? { validate: true, schemas: { [SCHEMA]: '*.yaml' }, schemaStore: { enable: false }, hover: true, completion: true } : {}),
      options: undefined,
    },
  ];
  const rows = ['| file | server | cold start to first diagnostics | edit p50 | edit p95 | CPU per edit |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const resources of (process.env.BENCH_RESOURCES ?? "20,200").split(",").map(Number)) {
    const text = strimziFile(resources);
    const file = path.join(dir, `mm2-${resources}.yaml`);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const running: { server: Server; measured: Measured; start: number }[] = [];
    for (const spec of servers) {
      const start = performance.now();
      const server = startServer(spec.name, spec.command, spec.settings);
      await server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: {} } },
        initializationOptions: spec.options,
      });
      await server.connection.sendNotification('initialized', {});
      // yaml-language-server reads its settings when told they changed; MirrorLint asks for them.
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: spec.settings('yaml') } });
      const first = server.next(uri);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await first;
      if (process.env.BENCH_DEBUG) console.error(spec.name, 'first diagnostics', performance.now() - start);
      running.push({ server, start, measured: { coldMs: performance.now() - start, latencies: [], cpuPerEdit: 0 } });
    }
    const line = text.split('\n').findIndex((l) => l.includes('tasksMax: 4'));
    // Two kinds of edit: a character replaced (nothing after it moves), and typing — a character
    // inserted, then deleted — which moves every later resource of the file.
    const EDIT_KINDS = {
      replace: (edit: number) => ({ range: { start: { line, character: 18 }, end: { line, character: 19 } }, text: String((edit % 8) + 1) }),
      typing: (edit: number) => (edit % 2 === 0 ? { range: { start: { line, character: 19 }, end: { line, character: 19 } }, text: '0' } : { range: { start: { line, character: 19 }, end: { line, character: 20 } }, text: '' }),
    };
    let version = 2;
    // Unmeasured edits first: a server's first edits also pay for its JIT compiling the code they
    // run, in background threads that /proc counts; an editing session is long past them.
    for (let edit = 0; edit < WARMUP; edit++, version++) {
      for (const { server } of running) {
        const done = server.next(uri);
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [EDIT_KINDS.typing(edit)] });
        await done;
      }
    }
    for (const [kind, change] of Object.entries(EDIT_KINDS)) {
      const cpuBefore = running.map(({ server }) => cpuMs(server.process.pid!));
      for (const { measured } of running) measured.latencies = [];
      for (let edit = 0; edit < EDITS; edit++, version++) {
        // Interleaved: each server gets the same edit in turn.
        for (const { server, measured } of running) {
          const done = server.next(uri);
          const start = performance.now();
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change(edit)] });
          await done;
          measured.latencies.push(performance.now() - start);
        }
      }
      running.forEach(({ server, measured }, i) => (measured.cpuPerEdit = (cpuMs(server.process.pid!) - cpuBefore[i]) / EDITS));
      for (const { server, measured } of running) {
        rows.push(`| ${resources} resources (${text.split('\n').length} lines), ${kind} | ${server.name} | ${measured.coldMs.toFixed(0)} ms | ${percentile(measured.latencies, 50).toFixed(1)} ms | ${percentile(measured.latencies, 95).toFixed(1)} ms | ${measured.cpuPerEdit.toFixed(1)} ms |`);
      }
      const [ours, theirs] = running.map((r) => r.measured);
      rows.push(`| | ratio (yaml-language-server / MirrorLint) | ${(theirs.coldMs / ours.coldMs).toFixed(2)}× | ${(percentile(theirs.latencies, 50) / percentile(ours.latencies, 50)).toFixed(2)}× | ${(percentile(theirs.latencies, 95) / percentile(ours.latencies, 95)).toFixed(2)}× | ${(theirs.cpuPerEdit / Math.max(ours.cpuPerEdit, 0.1)).toFixed(2)}× |`);
    }
    for (const { server } of running) server.process.kill();
  }
  console.log(rows.join('\n'));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
