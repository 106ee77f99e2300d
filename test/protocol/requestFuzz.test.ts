import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { FORMATS, inputs, seeds, type Format } from '../fuzz/inputs';
import { Random } from '../kafka/random';
import { TestClient } from './lspClient';

/**
 * Every request the server offers, on fixtures and their mutations, at random positions (some out
 * of the document), interleaved with random edits (some with stale versions or ranges past the
 * end): the server answers each with a result or an error, stays up, and never publishes a range
 * outside its document.
 */
const LANGUAGES: Record<Format, string> = { properties: 'mm2-properties', connect: 'json', strimzi: 'yaml', topology: 'yaml', config: 'yaml' };

const REQUESTS = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/inlayHint', 'mirrorlint/topology', 'mirrorlint/previewRemoteTopics'];

function paramsFor(method: string, uri: string, position: { line: number; character: number }, range: Range): unknown {
  const textDocument = { uri };
  switch (method) {
    case 'textDocument/references':
      return { textDocument, position, context: { includeDeclaration: true } };
    case 'textDocument/rename':
      return { textDocument, position, newName: 'K9' };
    case 'textDocument/codeAction':
      return { textDocument, range, context: { diagnostics: [], only: undefined } };
    case 'textDocument/documentSymbol':
      return { textDocument };
    case 'textDocument/inlayHint':
      return { textDocument, range };
    case 'mirrorlint/topology':
      return {};
    case 'mirrorlint/previewRemoteTopics':
      return { uri, cluster: 'K1', topic: 'orders' };
    default:
      return { textDocument, position };
  }
}

describe('LSP requests on random positions and edits', () => {
  let client: TestClient;
  const texts = new Map<string, string>();
  const malformed: string[] = [];

  before(async () => {
    client = new TestClient();
    await client.initialize({ textDocument: { publishDiagnostics: {} } });
    const check = (params: PublishDiagnosticsParams): void => {
      const lines = (texts.get(params.uri) ?? '').split(/\r\n|\r|\n/);
      for (const d of params.diagnostics as Diagnostic[]) {
        const { start, end } = d.range;
        const ok = start.line >= 0 && start.line < lines.length + 1 && end.line < lines.length + 1 && (start.line < end.line || (start.line === end.line && start.character <= end.character));
        if (!ok) malformed.push(`${params.uri} ${d.code}: ${JSON.stringify(d.range)} (${lines.length} lines)`);
      }
    };
    client.connection.onNotification('textDocument/publishDiagnostics', check);
  });

  after(async () => {
    if (client.alive) await client.shutdown();
  });

  it('answers every request, survives every edit, and publishes only ranges inside the document', { timeout: 300_000 }, async () => {
    const random = new Random(4242);
    const all = seeds();
    let answered = 0;
    for (const format of FORMATS) {
      const sample = [...inputs(format, all.get(format) ?? [], 40, 7)].filter((input) => input.text.length < 200_000);
      for (const [index, input] of sample.entries()) {
        const uri = `file:///fuzz/${format}-${index}${input.uri.slice(input.uri.lastIndexOf('/') + 1)}`;
        let text = input.text;
        let version = 1;
        texts.set(uri, text);
        await client.open(uri, text, LANGUAGES[format], version);
        for (let round = 0; round < 12; round++) {
          const lines = text.split('\n').length;
          // Positions inside, at the end of, and past the document.
          const position = { line: random.int(lines + 3), character: random.int(120) };
          const range: Range = { start: position, end: { line: position.line + random.int(4), character: random.int(200) } };
          const method = random.pick(REQUESTS);
          await client.request(method, paramsFor(method, uri, position, range)).then(
            () => undefined,
            () => undefined, // an error answer is an answer
          );
          answered++;
          if (random.chance(0.4)) {
            // An edit: a whole-text replacement, or a ranged one that may reach past the end, sometimes with a stale version.
            const whole = random.chance(0.5);
            version = random.chance(0.2) ? Math.max(1, version - 1) : version + 1;
            const insert = random.pick(['', 'x', '\n', 'K1->K2.enabled = true\n', '"', '{', ']', '\u0000', 'topics = (a+)+$\n']);
            if (whole) text = text.slice(0, random.int(text.length + 1)) + insert;
            texts.set(uri, whole ? text : texts.get(uri)!);
            await client.connection.sendNotification('textDocument/didChange', {
              textDocument: { uri, version },
              contentChanges: whole ? [{ text }] : [{ range, text: insert }],
            });
          }
          assert.ok(client.alive, `the server died after ${method} on ${input.origin}: ${client.stderr.slice(-2000)}`);
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
    }
    // Let the last publications arrive.
    await client.request('mirrorlint/topology', {}).catch(() => undefined);
    assert.ok(answered > 2000);
    assert.ok(client.alive);
    assert.deepEqual(malformed, []);
    assert.doesNotMatch(client.stderr, /Uncaught|unhandled|FATAL/i);
  });
});
