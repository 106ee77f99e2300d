import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import madge from 'madge';

const ROOT = path.join(__dirname, '..', '..');

/** Each core layer and the layers it may import (the data path: text → facts → model → lint → service). */
const LAYERS: Record<string, readonly string[]> = {
  base: ['base'],
  mm2: ['base', 'mm2'],
  formats: ['base', 'mm2', 'formats'],
  model: ['base', 'mm2', 'formats', 'model'],
  lint: ['base', 'mm2', 'formats', 'model', 'lint'],
  service: ['base', 'mm2', 'formats', 'model', 'lint', 'service'],
};

const layerOf = (file: string): string | undefined => /^server\/src\/core\/([^/]+)\//.exec(file)?.[1];

/** Every import of a file, package or relative, as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('module structure', () => {
  let graph: Record<string, string[]>;
  let circular: string[][];

  before(async () => {
    const result = await madge(['server/src', 'client/src', 'shared/src'], { baseDir: ROOT, fileExtensions: ['ts'], tsConfig: path.join(ROOT, 'tsconfig.base.json'), detectiveOptions: { ts: { skipTypeImports: false } } });
    graph = result.obj();
    circular = result.circular();
  });

  it('has no import circle, type imports included', () => {
    assert.ok(Object.keys(graph).length > 100, 'the graph covers the sources');
    assert.deepEqual(circular, []);
  });

  it('keeps the core layers in order: base → mm2 → formats → model → lint → service', () => {
    const wrong: string[] = [];
    for (const [file, deps] of Object.entries(graph)) {
      const layer = layerOf(file);
      if (!layer) continue;
      if (!LAYERS[layer] && file !== 'server/src/core/index.ts') wrong.push(`${file}: unknown layer ${layer}`);
      for (const dep of deps) {
        const target = layerOf(dep);
        if (target && LAYERS[layer] && !LAYERS[layer].includes(target)) wrong.push(`${file} → ${dep}`);
        if (dep.startsWith('server/src/') && !dep.startsWith('server/src/core/')) wrong.push(`${file} → ${dep} (core imports no LSP, CLI or Node code)`);
        if (dep.startsWith('client/')) wrong.push(`${file} → ${dep}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('lets the LSP layer, the CLI and the Node helpers use the core only through its public index', () => {
    const wrong = Object.entries(graph)
      .filter(([file]) => /^server\/src\/(lsp|cli|node)\//.test(file))
      .flatMap(([file, deps]) => deps.filter((dep) => dep.startsWith('server/src/core/') && dep !== 'server/src/core/index.ts').map((dep) => `${file} → ${dep}`));
    assert.deepEqual(wrong, []);
  });

  it('keeps the core a pure library: no vscode, no LSP, no Node I/O', () => {
    const impure = Object.keys(graph)
      .filter((file) => file.startsWith('server/src/core/'))
      .flatMap((file) => importsOf(file).filter((spec) => /^(node:|fs$|path$|child_process$|vscode)/.test(spec)).map((spec) => `${file}: ${spec}`));
    assert.deepEqual(impure, []);
  });

  it('lets the client and shared code import no server code (the protocol is shared, not copied)', () => {
    const wrong = Object.entries(graph)
      .filter(([file]) => file.startsWith('client/') || file.startsWith('shared/'))
      .flatMap(([file, deps]) => deps.filter((dep) => dep.startsWith('server/')).map((dep) => `${file} → ${dep}`));
    assert.deepEqual(wrong, []);
    const sharedImports = Object.entries(graph).filter(([file]) => file.startsWith('shared/')).flatMap(([file]) => importsOf(file).filter((spec) => !spec.startsWith('.') && spec !== 'vscode-languageserver-protocol').map((spec) => `${file}: ${spec}`));
    assert.deepEqual(sharedImports, []);
    const clientFiles = Object.keys(graph).filter((file) => file.startsWith('client/'));
    const literalMethods = clientFiles.filter((file) => /['"]mirrorlint\/[a-zA-Z]+['"]/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(literalMethods, [], 'custom methods come from shared/src/protocol.ts');
  });

  it('keeps rules in files named after their ids, one folder per group', async () => {
    const { ALL_RULES } = await import('../../server/src/core');
    for (const { meta } of ALL_RULES) assert.ok(fs.existsSync(path.join(ROOT, 'server/src/core/lint/rules', meta.group, `${meta.id}.ts`)), `${meta.group}/${meta.id}.ts`);
  });
});
