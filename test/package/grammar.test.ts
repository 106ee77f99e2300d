import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = path.join(__dirname, '..', '..');
let grammar: IGrammar;

/** Scopes of each token of `line`, as `text: scope scope …` strings (root scope dropped). */
function tokens(line: string): string[] {
  const result = grammar.tokenizeLine(line, INITIAL);
  return result.tokens.map((t) => `${line.slice(t.startIndex, t.endIndex)}: ${t.scopes.slice(1).join(' ')}`);
}

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async () => parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes', 'mm2-properties.tmLanguage.json'), 'utf8'), 'grammar.json'),
    });
    grammar = (await registry.loadGrammar('source.mm2-properties'))!;
  });

  it('colours source and target aliases, the flow arrow and the key of a flow setting', () => {
    const t = tokens('K1->K2.enabled = true');
    assert.ok(t.includes('K1: entity.name.namespace.cluster.source.mm2-properties'), t.join('\n'));
    assert.ok(t.includes('->: keyword.operator.flow.mm2-properties'));
    assert.ok(t.includes('K2: entity.name.namespace.cluster.target.mm2-properties'));
    assert.ok(t.includes('enabled: variable.other.property.mm2-properties'));
    assert.ok(t.includes('true: constant.language.boolean.mm2-properties'));
  });

  it('colours the aliases of the clusters list and of cluster settings', () => {
    assert.ok(tokens('clusters = K1, K2').includes('K2: entity.name.namespace.cluster.mm2-properties'));
    assert.ok(tokens('K1.bootstrap.servers = a:9092').includes('K1: entity.name.namespace.cluster.mm2-properties'));
  });

  it('colours comments, plain keys and values', () => {
    assert.deepEqual(tokens('# a comment'), ['# a comment: comment.line.number-sign.mm2-properties']);
    const t = tokens('replication.factor = 3');
    assert.ok(t.includes('replication.factor: variable.other.property.mm2-properties'));
    assert.ok(t.includes('3: constant.numeric.mm2-properties'));
  });
});
