import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { clientOnCopyOf } from './lspClient';

const MISTAKES = path.join(__dirname, '..', '..', 'examples', 'mistakes');
const LANGUAGE: Record<string, string> = { '.properties': 'mm2-properties', '.yaml': 'yaml', '.json': 'json' };

// The Problems panel and the fix menu show plain text: a Markdown code span would show its backticks.
describe('plain text where the editor shows plain text', () => {
  it('diagnostics, their related information and fix titles of every rule in examples/mistakes quote names instead of backticks', async () => {
    const { client, folder } = await clientOnCopyOf(MISTAKES, { pushDelayMs: 0 });
    const files = fs.readdirSync(folder).filter((name) => LANGUAGE[path.extname(name)]);
    const texts: string[] = [];
    for (const name of files) {
      const uri = pathToFileURL(path.join(folder, name)).href;
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      await client.open(uri, text, LANGUAGE[path.extname(name)]);
      let diagnostics: Diagnostic[] = (await client.nextDiagnostics(uri)).diagnostics;
      while (diagnostics.length === 0) diagnostics = (await client.nextDiagnostics(uri)).diagnostics;
      texts.push(...diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]));
      const end = { line: text.split('\n').length, character: 0 };
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } });
      texts.push(...actions.map((a) => a.title));
    }
    assert.ok(texts.length > 50, `${texts.length} texts`);
    assert.deepEqual(texts.filter((t) => t.includes('`')), []);
    assert.ok(texts.filter((t) => /'[^']+'/.test(t)).length > 20, 'names are quoted');
    assert.equal(await client.shutdown(), 0);
  });
});
