// Footprint: a workspace without MirrorMaker 2 files gets no language server, no status item and no
// topology view; the first MM2 file to appear starts them, without a reload and without opening it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, startVsCode, waitFor } from './harness.mjs';

/** Language servers of this VS Code instance (their command line holds its extensions folder). */
function serverProcesses(extensions) {
  let out = '';
  try {
    out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return out.split('\n').filter((line) => line.includes(extensions) && line.includes(path.join('dist', 'server.js')));
}

describe('footprint in a workspace without MM2 files', { timeout: 300_000 }, () => {
  let vscode;
  let page;

  before(async () => {
    vscode = await startVsCode((workspace) => {
      fs.writeFileSync(path.join(workspace, 'package.json'), '{ "name": "web-app", "version": "1.0.0" }\n');
      fs.writeFileSync(path.join(workspace, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
      fs.writeFileSync(path.join(workspace, 'docker-compose.yaml'), 'services:\n  web:\n    image: nginx\n');
      fs.writeFileSync(path.join(workspace, 'app.properties'), 'server.port = 8080\n');
    });
    ({ page } = vscode);
  });

  after(async () => {
    await vscode?.close();
  });

  const statusItem = () => page.locator('.statusbar-item', { hasText: 'MirrorLint' });

  it('starts no server, shows no status item and no topology view', async () => {
    await page.waitForSelector('.statusbar', { timeout: 60_000 });
    // The extension activates on workspaceContains (JSON and YAML files are here): give it time to decide.
    await page.waitForTimeout(8_000);
    assert.equal(await statusItem().count(), 0, 'no MirrorLint status item');
    assert.equal(await page.locator('.pane-header', { hasText: 'MirrorMaker Topology' }).count(), 0, 'no topology view');
    assert.deepEqual(serverProcesses(vscode.extensions), []);
    await vscode.screenshot('footprint-quiet');
  });

  it('starts them when an MM2 config appears in the workspace, and stays quiet on a correct one', async () => {
    fs.copyFileSync(path.join(ROOT, 'examples', 'active-active', 'mm2.properties'), path.join(vscode.workspace, 'mm2.properties'));
    await waitFor(async () => (await statusItem().count()) > 0, 'the MirrorLint status item', 60_000);
    await waitFor(async () => serverProcesses(vscode.extensions).length === 1, 'one language server', 30_000);
    await vscode.openFile('mm2.properties');
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.waitFor({ state: 'visible' });
    await waitFor(async () => (await statusItem().first().innerText()).includes('MirrorLint') && (await statusItem().locator('.codicon-check').count()) > 0, 'the check mark of a clean workspace', 60_000);
    assert.match(await problems.innerText(), /No problems have been detected/);
    // No pop-up either (the default settings once raised one).
    assert.deepEqual(await page.locator('.notification-toast', { hasText: 'MirrorLint' }).allInnerTexts(), []);
    await page.waitForTimeout(500);
    await vscode.screenshot('quiet-problems');
  });
});
