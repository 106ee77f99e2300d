import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  Hover,
  Location,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from './lspClient';

const TEXT = [
  'clusters = K1, K2',
  'K1.bootstrap.servers = k1:9092',
  'K2.bootstrap.servers = k2:9092',
  'K1->K2.enabled = true',
  'K1->K2.topics = orders',
  'topics.exlude = foo',
  'K2->K1.topics = payments',
  '',
].join('\n');
const URI = 'file:///workspace/mm2.properties';
const PUSH_CAPABILITIES = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } };

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const edits = (edit: WorkspaceEdit) => (edit.documentChanges as TextDocumentEdit[]).flatMap((change) => change.edits);

describe('language server over stdio (push diagnostics)', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    const result = await client.initialize(PUSH_CAPABILITIES);
    for (const capability of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentSymbolProvider', 'definitionProvider', 'referencesProvider', 'renameProvider']) {
      assert.ok(result.capabilities[capability], `advertises ${capability}`);
    }
    assert.equal(result.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client without support');
    await client.open(URI, TEXT);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes diagnostics on open, with rule codes and links to existing docs pages', async () => {
    const { diagnostics } = await client.nextDiagnostics(URI);
    assert.deepEqual(codes(diagnostics), ['inactive-flow-setting', 'unknown-property']);
    const typo = diagnostics.find((d) => d.code === 'unknown-property')!;
    assert.deepEqual(typo.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 13 } });
    assert.equal(typo.source, 'mirrorlint');
    assert.ok(fs.existsSync(fileURLToPath(typo.codeDescription!.href)), typo.codeDescription!.href);
  });

  it('republishes after an incremental change', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 7 }, end: { line: 5, character: 13 } }, text: 'exclude' }],
    });
    const { diagnostics, version } = await client.nextDiagnostics(URI);
    assert.equal(version, 2);
    assert.deepEqual(codes(diagnostics), ['inactive-flow-setting']);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ text: TEXT }],
    });
    assert.deepEqual(codes((await client.nextDiagnostics(URI)).diagnostics), ['inactive-flow-setting', 'unknown-property']);
  });

  it('hovers a property with its doc, default and the effective value on the flow', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'K1->K2.topics', 9) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*topics\*\*/);
    assert.match(value, /Default: `\.\*`/);
    assert.match(value, /Effective value on this flow: `orders`/);
    assert.match(value, /Flow \*\*K1->K2\*\* is enabled/);
  });

  it('hovers a cluster alias with its flows', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'K2->K1', 0) });
    assert.match((hover.contents as { value: string }).value, /Cluster `K2`[\s\S]*K2->K1: disabled/);
  });

  it('completes property names under a flow prefix and values of booleans', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: positionOf(TEXT, 'K1->K2.topics', 7) });
    const topics = items.find((i) => i.label === 'topics.exclude');
    assert.ok(topics, 'offers topics.exclude');
    assert.equal((topics!.textEdit as { newText: string }).newText, 'K1->K2.topics.exclude = ');
    assert.ok(items.find((i) => i.label === 'sync.group.offsets.enabled')?.documentation);
    const values = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: positionOf(TEXT, 'K1->K2.enabled = ', 17) });
    assert.deepEqual(values.map((i) => i.label).sort(), ['false', 'true']);
  });

  it('completes alias and flow prefixes built from clusters at the start of a line, and policy classes', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 7, character: 0 } });
    const labels = items.map((i) => i.label);
    for (const label of ['K1.', 'K2.', 'K1->K2.', 'K2->K1.', 'topics', 'replication.policy.class']) assert.ok(labels.includes(label), `offers ${label}`);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 10 },
      contentChanges: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'replication.policy.class = ' }],
    });
    const classes = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 7, character: 27 } });
    assert.ok(classes.some((i) => i.label === 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy'));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 11 }, contentChanges: [{ text: TEXT }] });
    const restored = await client.nextDiagnostics(URI);
    assert.equal(restored.version, 11, 'the debounce publishes only the latest version');
  });

  it('offers a quick fix that renames the misspelt key, tied to its diagnostic', async () => {
    const { diagnostics } = { diagnostics: [] as Diagnostic[] };
    const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 13 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range,
      context: { diagnostics: [...diagnostics, { range, message: 'x', code: 'unknown-property', source: 'mirrorlint' }] },
    });
    const rename = actions.find((a) => a.title === "Rename to 'topics.exclude'");
    assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(rename!.kind, 'quickfix');
    assert.equal(rename!.isPreferred, true);
    assert.equal(rename!.diagnostics?.[0].code, 'unknown-property');
    assert.deepEqual(edits(rename!.edit!), [{ range, newText: 'topics.exclude' }]);
    assert.ok(actions.some((a) => a.title === 'Disable unknown-property for the entire file'));
    // This client named no command that shows rule pages: no such action.
    assert.ok(!actions.some((a) => a.title.startsWith('Show documentation')));
  });

  it('lists clusters and flows as document symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('K1') && names.includes('K2') && names.includes('K1 → K2') && names.includes('K2 → K1'), names.join(', '));
    assert.deepEqual(symbols.find((s) => s.name === 'K1 → K2')!.children!.map((c) => c.name), ['enabled', 'topics']);
    assert.equal(symbols.find((s) => s.name === 'K1')!.children!.length, 1);
  });

  it('goes to the definition of an alias in clusters and finds its references', async () => {
    const position = positionOf(TEXT, 'K2->K1', 4);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: URI }, position });
    assert.deepEqual(definition.map((l) => l.range.start), [{ line: 0, character: 11 }]);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: URI }, position, context: { includeDeclaration: true } });
    assert.equal(references.length, 5);
    const withoutDeclaration = await client.request<Location[]>('textDocument/references', { textDocument: { uri: URI }, position, context: { includeDeclaration: false } });
    assert.equal(withoutDeclaration.length, 4);
  });

  it('renames an alias in every key and in the clusters list, and rejects bad names', async () => {
    const position = positionOf(TEXT, 'K1.bootstrap', 1);
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: URI }, position });
    assert.equal(prepared.placeholder, 'K1');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position, newName: 'east' });
    const renamed = edits(edit);
    assert.equal(renamed.length, 5);
    assert.ok(renamed.every((e) => e.newText === 'east'));
    assert.deepEqual(renamed.map((e) => e.range.start.line).sort(), [0, 1, 3, 4, 6]);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: URI }, position, newName: 'bad name' }), /not a usable cluster alias/);
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri: URI }, position: { line: 5, character: 2 } }), null);
  });

  it('applies rule severity settings from workspace/configuration', async () => {
    client.settings = { rules: { 'unknown-property': 'off', 'inactive-flow-setting': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const { diagnostics } = await client.nextDiagnostics(URI);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['inactive-flow-setting', 1]]);
    client.settings = { rules: {} };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.nextDiagnostics(URI);
  });

  it('says which rule ids in the settings are not rules, as the CLI does, and applies the rest', async () => {
    const status = new Promise<{ settingsProblems: string[] }>((resolve) => client.connection.onNotification('mirrorlint/status', (params: { settingsProblems: string[] }) => params.settingsProblems.length && resolve(params)));
    client.settings = { rules: { 'unknown-propery': 'off', 'inactive-flow-setting': 'info' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const { diagnostics } = await client.nextDiagnostics(URI);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unknown-property', 2], ['inactive-flow-setting', 3]]);
    const { settingsProblems } = await status;
    assert.deepEqual(settingsProblems, ['mirrorlint.rules: `unknown-propery` is not a MirrorLint rule (did you mean `unknown-property`?).']);
    assert.ok(client.messages.some((m) => m.type === 2 && m.message.includes('`unknown-propery` is not a MirrorLint rule')), JSON.stringify(client.messages));
    client.settings = { rules: {} };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.nextDiagnostics(URI);
  });

  it('survives hostile input and keeps answering', async () => {
    const hostile = `clusters = A, B\nA->B.enabled = true\ntopics = ${'('.repeat(20000)}, (a+)+$\n\\u12\n${'x'.repeat(100000)}\n${'\u0000\uffff\\'.repeat(1000)}`;
    await client.open('file:///workspace/hostile.mm2.properties', hostile);
    const { diagnostics } = await client.nextDiagnostics('file:///workspace/hostile.mm2.properties');
    assert.ok(diagnostics.some((d) => d.code === 'invalid-topic-pattern'));
    assert.ok(client.alive);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  });

  it('ignores non-MM2 documents', async () => {
    await client.open('file:///workspace/log4j.properties', 'log4j.rootLogger = INFO\n', 'properties');
    await assert.rejects(client.nextDiagnostics('file:///workspace/log4j.properties', 1000), /no diagnostics/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///workspace/log4j.properties' }, position: { line: 0, character: 2 } }), null);
  });
});

describe('language server over stdio (pull diagnostics)', () => {
  it('answers textDocument/diagnostic and does not push', async () => {
    const client = new TestClient();
    try {
      const result = await client.initialize({ workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } });
      assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'mirrorlint', interFileDependencies: true, workspaceDiagnostics: true });
      await client.open(URI, TEXT);
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(codes((report as { items: Diagnostic[] }).items), ['inactive-flow-setting', 'unknown-property']);
      await assert.rejects(client.nextDiagnostics(URI, 500), /no diagnostics/);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('rule documentation as a code action', () => {
  it('is offered per rule of the diagnostics when the client names its command for rule pages', async () => {
    const client = new TestClient();
    await client.initialize(PUSH_CAPABILITIES, { ruleDocsCommand: 'mirrorlint.openRuleDocs' });
    await client.open(URI, TEXT);
    await client.nextDiagnostics(URI);
    const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 13 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range,
      context: { diagnostics: [{ range, message: 'x', code: 'unknown-property', source: 'mirrorlint' }] },
    });
    const docs = actions.filter((a) => a.title.startsWith('Show documentation'));
    assert.deepEqual(docs.map((a) => [a.title, a.command?.command, a.command?.arguments]), [['Show documentation for unknown-property', 'mirrorlint.openRuleDocs', ['unknown-property']]]);
    assert.equal(await client.shutdown(), 0);
  });
});
