// End-to-end on examples/active-active (MM2 config + K1/K2 topology declarations) in code-server:
// Problems, a quick fix from the lightbulb, the topology view, a remote-topic hover, the diagram,
// the status bar. The screenshots of this suite are the README's (npm run screenshots copies them).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hoverUntil, MOD, ROOT, showTopologyView, startVsCode, waitFor, problemsFilter } from './harness.mjs';

describe('the active-active example in code-server', { timeout: 600_000 }, () => {
  let vscode;
  let page;

  before(async () => {
    vscode = await startVsCode((workspace) => fs.cpSync(path.join(ROOT, 'examples', 'active-active'), workspace, { recursive: true }), {
      viewport: { width: 1500, height: 900 },
    });
    ({ page } = vscode);
  });

  after(async () => {
    await vscode?.close();
  });

  const problemsPanel = () => page.locator('.markers-panel');
  const filter = () => problemsFilter(page);

  it('shows the declarations\' findings in Problems, for files that are not open', async () => {
    await page.keyboard.press(`${MOD}+Shift+M`);
    await problemsPanel().waitFor({ state: 'visible' });
    // Each problem lists its explanation and related locations under it, and the panel draws only
    // the rows in view: look for each rule through the panel's filter.
    for (const id of ['consumer-missing-remote-topics', 'topic-config-drift', 'schema-not-synced', 'topic-missing-in-peer']) {
      await filter().fill(id);
      await waitFor(async () => (await problemsPanel().innerText()).includes(id), `${id} in the Problems panel`, 90_000);
    }
    await filter().fill('consumer-missing-remote-topics');
    const text = await waitFor(async () => {
      const shown = await problemsPanel().innerText();
      return shown.includes('consumer-missing-remote-topics') && !shown.includes('topic-missing-in-peer') && shown;
    }, 'the filtered Problems panel');
    // The first sentence, then its explanation as a row of its own.
    assert.match(text, /Consumer group 'billing' in K2 does not read 'K1\.orders'\./);
    assert.match(text, /It reads 'orders', but not the copy MM2 writes into K2 from K1/);
    await filter().fill('');
    await waitFor(async () => /\$?\d+.*MirrorLint|MirrorLint/.test(await page.locator('.statusbar').innerText()), 'the MirrorLint status bar item');
    const status = await page.locator('.statusbar-item', { hasText: 'MirrorLint' }).first().innerText();
    assert.match(status, /6\s*MirrorLint|MirrorLint/);
    await vscode.screenshot('aa-problems');
  });

  it('lists K1, K2, the flows and the flagged consumer group in the topology view', async () => {
    // Room for the view: close the panel and collapse the folder's file tree.
    await page.keyboard.press(`${MOD}+J`);
    await showTopologyView(page);
    const tree = page.locator('[id="workbench.view.explorer"] .monaco-list[aria-label*="MirrorMaker Topology"], .pane-body .monaco-list').last();
    const labels = async () => page.locator('.pane-body .monaco-list-row').allInnerTexts();
    await waitFor(async () => {
      const all = (await labels()).join('\n');
      return /\bK1\b/.test(all) && /\bK2\b/.test(all) && all.includes('Flows') && all;
    }, 'clusters and flows in the topology view');
    // K2 → Consumer groups → billing, flagged by consumer-missing-remote-topics.
    // K2's remote topics, with their origin, for the screenshot.
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Remote topics (3)' }).first().click();
    const groups = page.locator('.pane-body .monaco-list-row', { hasText: 'Consumer groups (1)' });
    await groups.first().click();
    const billing = page.locator('.pane-body .monaco-list-row', { hasText: 'billing' });
    await waitFor(async () => (await billing.count()) > 0, 'the billing group row');
    assert.ok(await billing.first().locator('.codicon-warning').count() > 0, 'billing carries a warning icon');
    const all = (await labels()).join(' | ');
    assert.ok(/K1 → K2/.test(all) && /K2 → K1/.test(all), all);
    void tree;
    await billing.first().hover();
    await page.waitForTimeout(1500);
    await vscode.screenshot('topology-view');
    // Selecting it reveals the declaration.
    await billing.first().click();
    await page.waitForSelector('.tab[aria-label*="k2.topology.yaml"]', { timeout: 30_000 });
  });

  it('applies a quick fix from the lightbulb: the group subscribes to K1.orders and the problem goes away', async () => {
    // The tree's reveal left the focus in the editor. Once the server has the document (its squiggle
    // shows), moving the cursor onto the problem brings the lightbulb.
    await waitFor(async () => (await page.locator('.editor-group-container .monaco-editor .squiggly-warning').count()) > 0, 'the squiggle');
    const lines = fs.readFileSync(path.join(vscode.workspace, 'k2.topology.yaml'), 'utf8').split('\n');
    const index = lines.findIndex((l) => l.includes('group: billing'));
    // The cursor inside `billing`, where the diagnostic is: the lightbulb is offered there.
    await vscode.goToLine(index + 1, lines[index].indexOf('billing') + 3);
    const bulb = page.locator('.editor-group-container .monaco-editor .lightBulbWidget').first();
    // VS Code asks for code actions when the cursor moves; a request that raced the server's didOpen
    // finds nothing, so move again until the server answers.
    await waitFor(async () => {
      if ((await bulb.count()) > 0 && (await bulb.isVisible())) return true;
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(750);
      return false;
    }, 'the lightbulb', 30_000).catch(async (error) => {
      await vscode.screenshot('failed-lightbulb');
      console.log('BULBS', JSON.stringify(await page.evaluate(() => [...document.querySelectorAll('[class*="ightBulb"]')].map((e) => `${e.className} ${JSON.stringify(e.getBoundingClientRect())} ${getComputedStyle(e).visibility} ${getComputedStyle(e).display}`))));
      console.log('FOCUS', await page.evaluate(() => document.activeElement?.className));
      throw error;
    });
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Subscribe to the pattern' });
    await fix.first().waitFor({ state: 'visible', timeout: 30_000 });
    await vscode.screenshot('quick-fix-declarations');
    // The preferred fix is focused in the lightbulb's menu: Enter applies it.
    assert.match(await fix.first().getAttribute('class'), /focused/);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await vscode.editorText()).includes("pattern: '(K1\\.)?orders'"), 'the pattern in the editor');
    await page.keyboard.press(`${MOD}+Shift+M`);
    await problemsPanel().waitFor({ state: 'visible' });
    await filter().fill('consumer-missing-remote-topics');
    await waitFor(async () => !(await problemsPanel().innerText()).includes("does not read 'K1.orders'"), 'the problem to clear', 60_000);
    await filter().fill('');
    await page.keyboard.press(`${MOD}+J`);
  });

  it('previews a declared topic\'s remote copies on hover', async () => {
    await vscode.openFile('k1.topology.yaml');
    const lines = fs.readFileSync(path.join(vscode.workspace, 'k1.topology.yaml'), 'utf8').split('\n');
    const index = lines.findIndex((l) => l.trimStart().startsWith('orders'));
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'copies' });
    await hoverUntil(page, hover, 'K1.orders', 'the remote-topic preview', () => vscode.goToLine(index + 1, lines[index].indexOf('orders') + 3));
    assert.match(await hover.innerText(), /K2: K1\.orders \(K1 → K2\)/);
    await page.waitForTimeout(800); // the hover fades in
    await vscode.screenshot('remote-topic-hover');
    await page.keyboard.press('Escape');
  });

  it('shows the topology diagram in a webview', async () => {
    await vscode.runCommand('MirrorLint: Show Topology Diagram');
    const frame = await waitFor(async () => {
      for (const candidate of page.frames()) {
        const svg = await candidate.locator('svg[id^="mermaid"], pre.mermaid svg').count().catch(() => 0);
        if (svg > 0) return candidate;
      }
      return undefined;
    }, 'the rendered diagram', 60_000);
    assert.ok(await frame.locator('text=K1').count() > 0);
    await page.waitForTimeout(500);
    await vscode.screenshot('topology-diagram');
  });
});
