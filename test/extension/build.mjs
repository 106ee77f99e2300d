// Bundles the extension-host suite to out/extension-tests/ (vscode and mocha stay external: the
// extension host provides `vscode`, mocha is resolved from this repository's node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: ['test/extension/index.ts', 'test/extension/suite/extension.test.ts'],
  outdir: 'out/extension-tests',
  outbase: 'test/extension',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
