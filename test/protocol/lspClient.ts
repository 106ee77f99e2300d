import { after } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ClientCapabilities,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

/** A minimal LSP client that speaks to the built server over real stdio. */
/** Every server started by this test file: a failed assertion must not leave one running, or the file's process never exits. */
const started = new Set<TestClient>();
after(() => {
  for (const client of started) client.kill();
});

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  settings: Record<string, unknown> = { rules: {} };
  /** The uri of every `publishDiagnostics`, in the order they came. */
  readonly publishedOrder: string[] = [];
  /** What an editor shows for each file: its last publication (the server does not send the same one twice). */
  readonly shown = new Map<string, Diagnostic[]>();
  /** `mirrorlint/status` notifications, in order. */
  readonly statuses: { files: number; errors: number; warnings: number; infos: number }[] = [];
  /** `window/showMessage` notifications, in order. */
  readonly messages: { type: number; message: string }[] = [];
  stderr = '';

  /** `args` after `--stdio`; `nodeArgs` before the server (`--cpu-prof` for profiling); `env` replaces the environment. */
  constructor(options: { args?: string[]; nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishedOrder.push(params.uri);
      this.shown.set(params.uri, params.diagnostics);
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      const index = this.waiters.findIndex((w) => w.uri === params.uri);
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('mirrorlint/status', (params: { files: number; errors: number; warnings: number; infos: number }) => this.statuses.push(params));
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => this.messages.push(params));
    this.connection.listen();
    started.add(this);
    this.process.on('exit', () => started.delete(this));
  }

  async initialize(capabilities: ClientCapabilities, initializationOptions?: unknown) {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  /** `initialize` with `folder` as the one workspace folder (settings pulled from the client), then `initialized`. */
  async initializeFolder(folder: string, initializationOptions?: unknown): Promise<void> {
    const uri = pathToFileURL(folder).href;
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities: { workspace: { configuration: true } }, initializationOptions });
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, languageId = 'mm2-properties', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** The next diagnostics published for `uri` (or one already waiting). */
  nextDiagnostics(uri: string, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const pending = this.published.get(uri);
    if (pending && pending.length) return Promise.resolve(pending.shift()!);
    return new Promise((resolve, reject) => {
      const waiter = { uri, resolve: (p: PublishDiagnosticsParams) => { clearTimeout(timer); this.published.get(uri)?.shift(); resolve(p); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      this.process.on('exit', (code) => resolve(code));
    });
  }

  /** The server's process id (benchmarks read its CPU time). */
  get pid(): number {
    return this.process.pid!;
  }

  get alive(): boolean {
    return this.process.exitCode === null;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

/** Line/character position of the n-th occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** A server whose single workspace folder is a fresh copy of `example`: returns the client and the copy. */
export async function clientOnCopyOf(example: string, initializationOptions?: unknown): Promise<{ client: TestClient; folder: string }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-ws-'));
  fs.cpSync(example, folder, { recursive: true });
  const client = new TestClient();
  await client.initializeFolder(folder, initializationOptions);
  return { client, folder };
}

/** The diagnostics of `uri` once they satisfy `done` (earlier publications may still be queued). */
/** Waits until what the editor shows satisfies `check` (publications may be skipped when nothing changed). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function diagnosticsUntil(client: TestClient, uri: string, done: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  let params = await client.nextDiagnostics(uri);
  while (!done(params.diagnostics)) params = await client.nextDiagnostics(uri);
  return params.diagnostics;
}
