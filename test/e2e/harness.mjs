// Starts code-server (a real VS Code) with the packaged extension installed, and Debian's Chromium
// on it, for the end-to-end suites. Needs `bash test/e2e/setup.sh` first (npm run test:e2e does both).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = path.join(ROOT, '.e2e', 'screenshots');
export const MOD = 'Control';
const ENTRY = path.join(ROOT, '.e2e', 'tools', 'code-server', 'out', 'node', 'entry.js');

const freePort = () => new Promise((resolve) => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

export async function waitFor(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/**
 * Shows the hover at the cursor until `hover` contains `text`. A hover asked for before the server
 * has analysed a freshly opened file comes back empty and VS Code does not ask again.
 * `placeCursor` puts the cursor where the hover is wanted, before each try.
 */
export async function hoverUntil(page, hover, text, what, placeCursor = async () => undefined) {
  return waitFor(async () => {
    if ((await hover.count()) > 0 && (await hover.first().innerText()).includes(text)) return true;
    await page.keyboard.press('Escape');
    // A keystroke that lands while the focus moves is lost: place the cursor again each time.
    await placeCursor();
    await page.keyboard.press(`${MOD}+K`);
    await page.keyboard.press(`${MOD}+I`);
    await page.waitForTimeout(1000);
    return false;
  }, what);
}

let packaged = false;

/** The .vsix, built once per test process. */
function packageOnce() {
  if (!packaged) execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  packaged = true;
  return path.join(ROOT, 'mirrorlint.vsix');
}

/**
 * A fresh VS Code on `fill(workspace)`'s files: user settings, the packaged extension installed
 * into an empty extensions folder, code-server on a free port, Chromium on the workbench.
 */
/** The Explorer with the folder's file tree collapsed and the MirrorMaker Topology view expanded. */
/** The Problems panel's filter box (its input moved between VS Code versions). */
export function problemsFilter(page) {
  return page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
}

/**
 * Each rule's finding in the Problems panel, looked for through its filter: the panel draws only the
 * rows in view, and each problem lists its explanation and related locations under it.
 */
export async function expectProblems(page, expected, timeoutMs = 90_000) {
  const panel = page.locator('.markers-panel');
  for (const [ruleId, message] of Object.entries(expected)) {
    await problemsFilter(page).fill(ruleId);
    await waitFor(async () => {
      const shown = await panel.innerText();
      return shown.includes(ruleId) && message.test(shown);
    }, `${ruleId} (${message}) in the Problems panel`, timeoutMs);
  }
  await problemsFilter(page).fill('');
}

export async function showTopologyView(page) {
  await page.keyboard.press(`${MOD}+Shift+E`);
  const folder = page.locator('.pane-header', { hasText: 'Workspace' }).first();
  if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
  const header = page.locator('.pane-header', { hasText: 'MirrorMaker Topology' });
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

export async function startVsCode(fill, { settings = {}, viewport = { width: 1400, height: 900 }, payload, onPage } = {}) {
  assert.ok(fs.existsSync(ENTRY), `code-server missing at ${ENTRY}: run bash test/e2e/setup.sh`);
  fs.mkdirSync(SHOTS, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-e2e-'));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fill(workspace);
  const userData = path.join(work, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'editor.hover.delay': 100,
    ...settings,
  }));
  const extensions = path.join(work, 'extensions');
  execFileSync(process.execPath, [ENTRY, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', packageOnce()], { stdio: 'inherit' });

  const port = await freePort();
  let log = '';
  const server = spawn(process.execPath, [ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData,
    '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  await waitFor(() => log.includes('HTTP server listening'), 'code-server to listen');

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport });
  await onPage?.(page);
  // `payload` is the workbench's development options (extensionTestsPath & co.), as @vscode/test-web passes them.
  const extra = payload ? `&payload=${encodeURIComponent(JSON.stringify(payload(`127.0.0.1:${port}`, workspace)))}` : '';
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}${extra}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });

  const vscode = {
    page,
    workspace,
    /** The extensions folder of this VS Code alone: the language server's command line contains it. */
    extensions,
    log: () => log,
    screenshot: (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) }),
    async close() {
      await page.screenshot({ path: path.join(SHOTS, `final-${path.basename(work)}.png`) }).catch(() => undefined);
      await browser.close();
      server.kill();
    },
    async openFile(name) {
      // Quick Open, retried: a keystroke that lands while focus moves between parts is lost.
      await waitFor(async () => {
        await page.keyboard.press('Escape');
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
        await page.keyboard.press(`${MOD}+P`);
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(name);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        await page.keyboard.press('Enter');
        await page.waitForSelector(`.tab[aria-label*="${name}"]`, { timeout: 5_000 });
        return true;
      }, `${name} to open`, 60_000);
    },
    /** The visible text of the active editor (inlay hints included, blank lines not: count lines on disk). */
    async editorText() {
      return page.evaluate(() => (document.querySelector('.editor-group-container.active .monaco-editor .view-lines') ?? document.querySelector('.monaco-editor .view-lines')).innerText.replace(/\u00a0/g, ' '));
    },
    async runCommand(title) {
      await page.keyboard.press(`${MOD}+Shift+P`);
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
    },
    /** Go to Line, 1-based; with a column (1-based too), the cursor lands there. */
    async goToLine(line, column) {
      await page.keyboard.press(`${MOD}+G`);
      await page.keyboard.type(column ? `${line}:${column}` : String(line));
      await page.keyboard.press('Enter');
    },
  };
  return vscode;
}
