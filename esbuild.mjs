// Bundles the extension client, the language server and the CLI into dist/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);

/** web-tree-sitter as Node's require() resolves it: its CommonJS build. */
const treeSitterCommonJs = {
  name: 'web-tree-sitter-commonjs',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
  },
};

/** The live-mode Kafka client (a quarter of the code) stays out of the server and the CLI: dist/kafka.js, required when live mode first reads. */
const kafkaApart = {
  name: 'kafka-apart',
  setup(build) {
    build.onResolve({ filter: /^@platformatic\/kafka$/ }, () => ({ path: './kafka.js', external: true }));
  },
};

// jsonc-parser's UMD build hides its requires from bundlers; its ES module build does not.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], sourcemap: !production, minify: production, logLevel: 'warning' };

// web-tree-sitter (Terraform) and the Kafka client are ES modules that ask import.meta.url for their
// own location: they get the CommonJS bundle's. The Kafka client's WebAssembly helpers come in the
// build that embeds their module (no file to ship beside the bundle). The server's bundle is run
// by its entry with V8's code cache (server/src/lsp/start.ts), as a script whose import() calls
// would find no module loader once the cache is used (Node 20): they become require(), and
// web-tree-sitter comes as its CommonJS build (its ES build imports Node's module API with import()
// into a function that also declares `require`). The CLI is built the same way, to behave the same.
const hosted = {
  ...common,
  supported: { 'dynamic-import': false },
  plugins: [treeSitterCommonJs, kafkaApart],
  define: { 'import.meta.url': 'importMetaUrl' },
  alias: { '@platformatic/wasm-utils': '@platformatic/wasm-utils/bundled' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/start.ts'], outfile: 'dist/server.js' }),
  build({ ...hosted, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js' }),
  build({ ...hosted, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...hosted, plugins: [], stdin: { contents: "export * from '@platformatic/kafka';", resolveDir: '.', loader: 'js' }, outfile: 'dist/kafka.js' }),
]);

// The topology diagram renders with Mermaid inside a webview that may load nothing remote: ship it.
mkdirSync('dist/media', { recursive: true });
copyFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'dist/media/mermaid.min.js');

// Terraform files are parsed by web-tree-sitter with the HCL grammar: two WebAssembly files beside the server and the CLI.
mkdirSync('dist/tree-sitter', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter/tree-sitter.wasm');
copyFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'), 'dist/tree-sitter/tree-sitter-terraform.wasm');
