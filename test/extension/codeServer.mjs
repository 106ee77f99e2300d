// Runs the extension-host suite (mocha, the real `vscode` API) inside code-server's extension host:
// the packaged extension is installed, the workbench is opened with the development payload
// `extensionTestsPath` (as @vscode/test-web does), and the suite's exit code comes back through
// the workbench's automation hook `codeAutomationExit`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, startVsCode, waitFor } from '../e2e/harness.mjs';

const testsPath = path.join(ROOT, 'out', 'extension-tests', 'index.js');
let exitCode;
const logs = [];
const vscode = await startVsCode((workspace) => fs.cpSync(path.join(ROOT, 'examples', 'active-active'), workspace, { recursive: true }), {
  // The tests run in the server-side (Node) extension host, where MirrorLint runs: a vscode-remote URI.
  payload: (authority) => [['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`], ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]],
  onPage: async (page) => {
    await page.exposeFunction('codeAutomationLog', (type, args) => logs.push(`${type}: ${args.join(' ')}`));
    await page.exposeFunction('codeAutomationExit', (code) => (exitCode = code));
  },
});
try {
  await waitFor(() => exitCode !== undefined, 'the extension-host suite to finish', Number(process.env.EXTHOST_TIMEOUT_MS ?? 300_000));
} catch (error) {
  console.error(vscode.log().split('\n').slice(-40).join('\n'));
  console.error(logs.slice(-40).join('\n'));
  throw error;
} finally {
  await vscode.close();
}
console.log(logs.join('\n'));
const serverLog = vscode.log();
const report = serverLog.split('\n').filter((line) => /passing|failing|✔|✓|\d+\) /.test(line)).join('\n');
if (report) console.log(report);
console.log(`extension-host suite in code-server: exit code ${exitCode}`);
process.exitCode = exitCode === 0 ? 0 : 1;
