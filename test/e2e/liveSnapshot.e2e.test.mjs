// End-to-end on examples/mistakes/live-snapshot (an MM2 config and a snapshot that
// `mirrorlint snapshot --live` wrote) in code-server: each live-only finding in Problems, and the
// topology view marking the copy the last live check missed and the orphan it found. The README's
// live-mode screenshot comes from here (npm run screenshots).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MOD, ROOT, expectProblems, showTopologyView, startVsCode, waitFor } from './harness.mjs';

describe('a recorded live snapshot in code-server', { timeout: 600_000 }, () => {
  let vscode;
  let page;

  before(async () => {
    vscode = await startVsCode((workspace) => fs.cpSync(path.join(ROOT, 'examples', 'mistakes', 'live-snapshot'), workspace, { recursive: true }), {
      viewport: { width: 1500, height: 900 },
    });
    ({ page } = vscode);
  });

  after(async () => {
    await vscode?.close();
  });

  it('shows each live-only finding in Problems, and marks the missing copy and the orphan in the topology view', async () => {
    await vscode.openFile('observed.topology.yaml');
    await page.keyboard.press(`${MOD}+Shift+M`);
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    await expectProblems(page, {
      'remote-topic-missing': /Remote topic 'K1\.invoices' is missing in K2\./,
      'orphan-remote-topic': /Remote topic 'K1\.legacy-orders' in K2 is written by no flow\./,
      'declared-not-observed': /'partitions' of topic 'invoices' is declared '12' but is '6' in the live cluster\./,
      'heartbeats-not-arriving': /K1's heartbeats do not arrive in 'K1\.heartbeats' in K2\./,
      'checkpoints-missing': /Group 'billing' has no checkpoint in K2 for 'K1\.orders'\./,
    });

    // The topology view: K2's remote topics, the missing one flagged, the orphan listed.
    await showTopologyView(page);
    const rows = page.locator('.pane-body .monaco-list-row');
    await waitFor(async () => (await rows.allInnerTexts()).join('\n').includes('K2'), 'K2 in the topology view');
    // K2's remote topics (K1 has one): K1.invoices (missing), K1.legacy-orders (orphan), K1.orders (seen live).
    const section = page.locator('.pane-body .monaco-list-row', { hasText: 'Remote topics (3)' });
    await waitFor(async () => (await section.count()) > 0, 'K2\'s remote topics section');
    await section.first().click();
    // (The Problems panel's rows match the locator too: wait for what only the tree shows.)
    const all = await waitFor(async () => {
      const labels = (await rows.allInnerTexts()).join(' | ');
      return labels.includes('seen live') && labels;
    }, 'K2\'s remote topics');
    assert.match(all, /K1\.invoices[^|]*missing/);
    assert.match(all, /K1\.legacy-orders[^|]*orphan: no flow writes it/);
    assert.match(all, /K1\.orders[^|]*seen live/);
    await page.waitForTimeout(1000);
    await vscode.screenshot('live-snapshot');
  });
});
