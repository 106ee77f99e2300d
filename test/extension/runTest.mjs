// Runs the extension-host suite in VS Code desktop, downloaded by @vscode/test-electron. Needs the
// internet (the download), which CI machines here do not have: there, test/extension/codeServer.mjs
// runs the same suite in code-server's extension host instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-exthost-'));
fs.cpSync(path.join(root, 'examples', 'active-active'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'extension-tests', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`extension-host tests failed: ${error}`);
  process.exitCode = 1;
}
