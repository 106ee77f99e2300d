import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './lspClient';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'connect-identity');
const K1 = 'file:///connect/k1-to-k2.json';
const K2 = 'file:///connect/k2-to-k1.json';

describe('Kafka Connect JSON over stdio', () => {
  let client: TestClient;
  const k1Text = fs.readFileSync(path.join(EXAMPLE, 'k1-to-k2.json'), 'utf8');

  before(async () => {
    client = new TestClient();
    await client.initialize({ workspace: { configuration: true } });
    await client.open(K1, k1Text, 'json');
    await client.open(K2, fs.readFileSync(path.join(EXAMPLE, 'k2-to-k1.json'), 'utf8'), 'json');
  });

  after(async () => {
    await client.shutdown();
  });

  it('reports a loop across two connector configs and a typo inside the config map', async () => {
    let diagnostics = (await client.nextDiagnostics(K1)).diagnostics;
    while (!diagnostics.some((d) => d.code === 'replication-cycle')) diagnostics = (await client.nextDiagnostics(K1)).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['converter-not-byte-array', 'replication-cycle', 'unknown-property']);
    const cycle = diagnostics.find((d) => d.code === 'replication-cycle')!;
    assert.match(cycle.message, /Replication loop K1 → K2 → K1/);
    assert.ok(cycle.relatedInformation!.some((r) => r.location.uri === K2));
  });

  it('renames the misspelt key inside the JSON string with a quick fix', async () => {
    const start = positionOf(k1Text, 'sync.topic.config.enabled');
    const range = { start, end: { line: start.line, character: start.character + 'sync.topic.config.enabled'.length } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: K1 }, range, context: { diagnostics: [] } });
    const rename = actions.find((a) => a.title === "Rename to 'sync.topic.configs.enabled'");
    assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual((rename!.edit!.documentChanges as TextDocumentEdit[])[0].edits, [{ range, newText: 'sync.topic.configs.enabled' }]);
    assert.ok(!actions.some((a) => a.title.startsWith('Exclude') || a.title.startsWith('Disable')), 'no properties-syntax insertions in JSON');
  });

  it('hovers a key with its MM2 documentation', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: K1 }, position: positionOf(k1Text, '"topics"', 2) });
    assert.match((hover.contents as { value: string }).value, /\*\*topics\*\*/);
  });

  it('ignores other JSON files', async () => {
    await client.open('file:///connect/package.json', '{ "name": "x" }', 'json');
    await assert.rejects(client.nextDiagnostics('file:///connect/package.json', 800), /no diagnostics/);
  });
});
