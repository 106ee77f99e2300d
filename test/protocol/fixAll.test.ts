import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

const TEXT = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'mistakes', 'mm2.properties'), 'utf8');
const URI = 'file:///virtual/mistakes/mm2.properties';

function applyLsp(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('fix all over stdio', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    const result = await client.initialize({ textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } }, { pushDelayMs: 0 });
    assert.deepEqual((result.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.mirrorlint']);
    await client.open(URI, TEXT);
    await client.nextDiagnostics(URI);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('answers source.fixAll.mirrorlint (editor.codeActionsOnSave) with one minimal edit of the whole file', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], only: ['source.fixAll.mirrorlint'] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.mirrorlint');
    assert.match(actions[0].title, /Fix all auto-fixable MirrorLint problems \(6\)/);
    const edits = actions[0].edit!.changes![URI];
    assert.equal(edits.length, 1);
    const fixed = applyLsp(TEXT, edits);
    assert.ok(fixed.includes('topics.exclude') && !fixed.includes('topics.exlude'));
    assert.ok(fixed.startsWith(TEXT.slice(0, 40)), 'text before the first fix is untouched');
    // The generic kind is answered too, and quick-fix requests do not pay for it.
    const generic = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(generic.length, 1);
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], only: ['quickfix'] } });
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.mirrorlint'));
  });
});
