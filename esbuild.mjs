// Bundles the extension client, the language server and the CLI into dist/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
// jsonc-parser's UMD build hides its requires from bundlers; its ES module build does not.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], sourcemap: !production, minify: production, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);

// The topology diagram renders with Mermaid inside a webview that may load nothing remote: ship it.
const require = createRequire(import.meta.url);
mkdirSync('dist/media', { recursive: true });
copyFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'dist/media/mermaid.min.js');
