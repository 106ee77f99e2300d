import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { HclParser } from '../core';

/** The two WebAssembly files Terraform reading needs: tree-sitter's runtime and the HCL grammar's Terraform dialect. */
const FILES = { runtime: 'tree-sitter.wasm', grammar: 'tree-sitter-terraform.wasm' } as const;

/** Beside the bundle (dist/tree-sitter/, where esbuild.mjs copies them), else in node_modules (tests, tsx). */
function locate(name: string, packageFile: string): string {
  const bundled = path.join(__dirname, 'tree-sitter', name);
  if (fs.existsSync(bundled)) return bundled;
  return require.resolve(packageFile);
}

let loading: Promise<HclParser | undefined> | undefined;

/**
 * web-tree-sitter with the HCL grammar (tree-sitter-grammars/tree-sitter-hcl, its Terraform
 * dialect): a maintained parser with exact ranges and error recovery, as WebAssembly, so nothing
 * is compiled on install. Loaded once per process; undefined (with the reason logged) when it
 * cannot be, and `.tf` files then say that Terraform support is not loaded.
 */
export function loadHclParser(log?: (message: string) => void): Promise<HclParser | undefined> {
  loading ??= (async () => {
    try {
      const runtime = locate(FILES.runtime, 'web-tree-sitter/tree-sitter.wasm');
      await Parser.init({ locateFile: () => runtime });
      const language = await Language.load(fs.readFileSync(locate(FILES.grammar, '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')));
      const parser = new Parser();
      parser.setLanguage(language);
      return { parse: (text: string) => parser.parse(text) } satisfies HclParser;
    } catch (error) {
      log?.(`Terraform support could not be loaded: ${(error as Error).message}`);
      return undefined;
    }
  })();
  return loading;
}
