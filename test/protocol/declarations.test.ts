import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import type { TopologyResult } from '../../shared/src/protocol';
import { TestClient, clientOnCopyOf, diagnosticsUntil, positionOf } from './lspClient';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'active-active');

describe('topology declarations over stdio (push diagnostics)', () => {
  let client: TestClient;
  let k1: string;
  let k2: string;
  let k2Text: string;

  const until = (uri: string, done: (d: Diagnostic[]) => boolean) => diagnosticsUntil(client, uri, done);

  before(async () => {
    const started = await clientOnCopyOf(EXAMPLE, { pushDelayMs: 0 });
    client = started.client;
    k1 = pathToFileURL(path.join(started.folder, 'k1.topology.yaml')).href;
    k2 = pathToFileURL(path.join(started.folder, 'k2.topology.yaml')).href;
    k2Text = fs.readFileSync(new URL(k2), 'utf8');
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('indexes declaration files at start and publishes their findings while they are closed', async () => {
    const closed = await until(k1, (d) => d.length > 0);
    assert.deepEqual([...new Set(closed.map((d) => d.code))].sort(), ['schema-not-synced', 'topic-config-drift', 'topic-missing-in-peer']);
    const missing = closed.find((d) => d.code === 'topic-missing-in-peer')!;
    assert.ok(missing.relatedInformation?.some((r) => r.location.uri === k2), 'related location in the peer\'s file');
  });

  it('re-publishes a closed file when another file changes', async () => {
    // K2 declares `payments` in the editor: K1's (closed) topic-missing-in-peer goes away.
    const withPayments = k2Text.replace('topics:\n', 'topics:\n  payments: { partitions: 6, config: { retention.ms: "604800000" } }\n');
    await client.open(k2, withPayments, 'yaml');
    const after = await until(k1, (d) => !d.some((x) => x.code === 'topic-missing-in-peer'));
    assert.ok(after.some((d) => d.code === 'topic-config-drift'), 'the other findings stay');
    // Renaming the topic back out of K2 brings the finding back in K1, in the same pass.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: k2, version: 2 },
      contentChanges: [{ text: withPayments.replace('  payments:', '  payment:') }],
    });
    const again = await until(k1, (d) => d.some((x) => x.code === 'topic-missing-in-peer'));
    assert.match(again.find((d) => d.code === 'topic-missing-in-peer')!.message, /Topic 'payments' is not declared in K2/);
  });

  it('offers quick fixes in a declaration file whose edits go to another, closed file', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: k2 } });
    const k1Text = fs.readFileSync(new URL(k1), 'utf8');
    await client.open(k1, k1Text, 'yaml');
    const diagnostics = await until(k1, (d) => d.some((x) => x.code === 'schema-not-synced'));
    const schema = diagnostics.find((d) => d.code === 'schema-not-synced')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: k1 }, range: schema.range, context: { diagnostics: [schema] } });
    const declare = actions.find((a) => a.title.startsWith("Declare 'orders-value' in K2"));
    assert.ok(declare, JSON.stringify(actions.map((a) => a.title)));
    const edit = declare!.edit!;
    const changes = edit.changes ?? Object.fromEntries((edit.documentChanges ?? []).map((c) => ['textDocument' in c ? c.textDocument.uri : '', 'edits' in c ? c.edits : []]));
    assert.deepEqual(Object.keys(changes), [k2]);
    assert.match(changes[k2][0].newText, /subject: orders-value, type: AVRO, file: schemas\/orders-value\.avsc/);
  });

  it('previews a declared topic\'s remote copies on hover and in inlay hints, and completes keys from the schema', async () => {
    const k1Text = fs.readFileSync(new URL(k1), 'utf8');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: k1 }, position: positionOf(k1Text, 'payments:', 2) });
    assert.match((hover.contents as MarkupContent).value, /`payments`\*\* in K1 — MM2's copies:\n- K2: `K1\.payments` \(K1 → K2\)/);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: k1 }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
    const orders = hints.find((h) => String(h.label).includes('K2: K1.orders'));
    assert.ok(orders, JSON.stringify(hints.map((h) => h.label)));
    // At the end of the line, after the value: never between a key and its colon.
    const line = k1Text.split('\n')[orders.position.line];
    assert.ok(line.trimStart().startsWith('orders'), line);
    assert.equal(orders.position.character, line.trimEnd().length);
    const keyDocs = await client.request<Hover>('textDocument/hover', { textDocument: { uri: k1 }, position: positionOf(k1Text, 'localOnly', 3) });
    assert.match((keyDocs.contents as MarkupContent).value, /\*\*localOnly\*\*/);

    const edited = k1Text.replace('producers:\n', 'producers:\n  - name: ledger\n    \n');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: k1, version: 2 }, contentChanges: [{ text: edited }] });
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: k1 }, position: positionOf(edited, '    \n', 4) });
    assert.deepEqual(items.map((i) => i.label), ['topics']);
  });
});

describe('multi-root workspaces over stdio', () => {
  it('analyses declarations across workspace folders and follows folders being added and removed', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-roots-'));
    const ops = path.join(base, 'mm2-ops');
    const dc1 = path.join(base, 'dc1-topics');
    const dc2 = path.join(base, 'dc2-topics');
    for (const dir of [ops, dc1, dc2]) fs.mkdirSync(dir);
    fs.copyFileSync(path.join(EXAMPLE, 'mm2.properties'), path.join(ops, 'mm2.properties'));
    fs.copyFileSync(path.join(EXAMPLE, 'k1.topology.yaml'), path.join(dc1, 'k1.topology.yaml'));
    fs.copyFileSync(path.join(EXAMPLE, 'k2.topology.yaml'), path.join(dc2, 'k2.topology.yaml'));
    // Each data centre's schema files sit next to its declarations, as the declarations name them.
    for (const dir of [dc1, dc2]) fs.cpSync(path.join(EXAMPLE, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
    const uri = (dir: string) => pathToFileURL(dir).href;
    const k2 = pathToFileURL(path.join(dc2, 'k2.topology.yaml')).href;
    const client = new TestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: uri(ops), name: 'ops' }, { uri: uri(dc2), name: 'dc2' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      initializationOptions: { pushDelayMs: 0 },
    });
    await client.connection.sendNotification('initialized', {});
    const codes = async (done: (codes: string[]) => boolean): Promise<string[]> => {
      let list = (await client.nextDiagnostics(k2)).diagnostics.map((d) => String(d.code));
      while (!done(list)) list = (await client.nextDiagnostics(k2)).diagnostics.map((d) => String(d.code));
      return list;
    };
    assert.deepEqual(await codes((c) => c.length > 0), ['consumer-missing-remote-topics']);
    // dc1's folder joins: K2 is now compared with K1's declarations (the drift is reported in K1's file).
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uri(dc1), name: 'dc1' }], removed: [] } });
    const k1 = pathToFileURL(path.join(dc1, 'k1.topology.yaml')).href;
    let k1Codes = (await client.nextDiagnostics(k1)).diagnostics.map((d) => String(d.code));
    while (!k1Codes.includes('topic-config-drift')) k1Codes = (await client.nextDiagnostics(k1)).diagnostics.map((d) => String(d.code));
    // The MM2 folder leaves: nothing ties the declarations to clusters any more.
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uri(ops), name: 'ops' }] } });
    assert.deepEqual(await codes((c) => c.includes('unmapped-cluster')), ['unmapped-cluster']);
    assert.equal(await client.shutdown(), 0);
  });
});

describe('the topology request', () => {
  it('returns clusters with local and remote topics, flagged consumer groups, flows and the diagram', async () => {
    const { client, folder } = await clientOnCopyOf(EXAMPLE, { pushDelayMs: 0 });
    const changed = new Promise<void>((resolve) => client.connection.onNotification('mirrorlint/topologyChanged', () => resolve()));
    await changed;
    const { deployments } = await client.request<TopologyResult>('mirrorlint/topology', {});
    assert.equal(deployments.length, 1);
    const [deployment] = deployments;
    assert.deepEqual(deployment.clusters.map((c) => c.alias), ['K1', 'K2']);
    const k2 = deployment.clusters[1];
    assert.deepEqual(k2.localTopics.map((t) => t.name), ['customer-profiles', 'orders']);
    const remote = k2.remoteTopics.find((t) => t.name === 'K1.orders')!;
    assert.deepEqual([remote.origin, remote.originTopic, remote.path], ['K1', 'orders', ['K1', 'K2']]);
    assert.equal(remote.location?.uri, pathToFileURL(path.join(folder, 'mm2.properties')).href, 'reveals the flow that creates it');
    const billing = k2.groups.find((g) => g.group === 'billing')!;
    assert.equal(billing.subscription, 'orders');
    assert.deepEqual(billing.problems.map((p) => p.rule), ['consumer-missing-remote-topics']);
    assert.equal(billing.location?.uri, pathToFileURL(path.join(folder, 'k2.topology.yaml')).href);
    assert.ok(billing.location!.range.start.line > 0);
    assert.deepEqual(deployment.flows.map((f) => [f.id, f.enabled, f.policy.split('.').pop(), f.loop]), [['K1->K2', true, 'DefaultReplicationPolicy', false], ['K2->K1', true, 'DefaultReplicationPolicy', false]]);
    assert.match(deployment.mermaid, /^---\ntitle: Every flow uses DefaultReplicationPolicy\n---\nflowchart LR\n/);
    assert.equal(await client.shutdown(), 0);
  });
});
