import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './lspClient';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'aiven-terraform');
const uriOf = (name: string) => `file:///aiven/${name}`;

describe('Terraform (Aiven) over stdio', () => {
  let client: TestClient;
  const texts = new Map(fs.readdirSync(EXAMPLE).filter((f) => f.endsWith('.tf')).map((f) => [f, fs.readFileSync(path.join(EXAMPLE, f), 'utf8')]));
  const kafka = texts.get('kafka.tf')!;
  const mirrormaker = texts.get('mirrormaker.tf')!;

  before(async () => {
    client = new TestClient();
    await client.initialize({ workspace: { configuration: true } });
    // A module is read whole: the variables come from a file of their own.
    for (const [name, text] of texts) await client.open(uriOf(name), text, 'terraform');
  });

  after(async () => {
    await client.shutdown();
  });

  it('reports drift and a missing subject in the module, once the parser has loaded', async () => {
    let diagnostics = (await client.nextDiagnostics(uriOf('kafka.tf'))).diagnostics;
    while (diagnostics.length < 2) diagnostics = (await client.nextDiagnostics(uriOf('kafka.tf'))).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['schema-not-synced', 'topic-config-drift']);
    const drift = diagnostics.find((d) => d.code === 'topic-config-drift')!;
    assert.deepEqual(drift.range.start, positionOf(kafka, '604800000'));
  });

  it('sets the peer\'s value in HCL with a quick fix', async () => {
    const start = positionOf(kafka, '604800000');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf('kafka.tf') }, range: { start, end: start }, context: { diagnostics: [] } });
    const align = actions.find((a) => a.title.startsWith("Set 'retention.ms' in west"));
    assert.ok(align, JSON.stringify(actions.map((a) => a.title)));
    const [edit] = (align!.edit!.documentChanges as TextDocumentEdit[])[0].edits;
    assert.equal(edit.newText, '"604800000"');
    assert.deepEqual(edit.range.start, { line: positionOf(kafka, '"86400000"').line, character: positionOf(kafka, '"86400000"').character });
  });

  it('hovers a flow argument with the MM2 setting it becomes, and completes argument names', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('mirrormaker.tf') }, position: positionOf(mirrormaker, 'topics_blacklist', 2) });
    assert.match((hover.contents as { value: string }).value, /topics\.exclude/);
    const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf('mirrormaker.tf') }, position: positionOf(mirrormaker, '  enable                   = true\n  replication_policy_class', 2) });
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((i) => i.label === 'sync_group_offsets_enabled'), JSON.stringify(items.map((i) => i.label)));
  });

  it('reports broken HCL where the parser stopped, and nothing crashes', async () => {
    const broken = `${mirrormaker}\nresource "aiven_kafka_topic" "x" {\n  topic_name = [\n`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('mirrormaker.tf'), version: 2 }, contentChanges: [{ text: broken }] });
    let diagnostics = (await client.nextDiagnostics(uriOf('mirrormaker.tf'))).diagnostics;
    while (!diagnostics.some((d) => d.code === 'document-syntax')) diagnostics = (await client.nextDiagnostics(uriOf('mirrormaker.tf'))).diagnostics;
    assert.equal(diagnostics.filter((d) => d.code === 'document-syntax').length, 1);
  });
});
