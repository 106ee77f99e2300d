// End-to-end: the packaged extension in a real VS Code (code-server), driven through its UI with
// Debian's Chromium. Needs `bash test/e2e/setup.sh` first (npm run test:e2e does both).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hoverUntil, MOD, ROOT, SHOTS, startVsCode, waitFor, problemsFilter } from './harness.mjs';

describe('MirrorLint in code-server', { timeout: 600_000 }, () => {
  let vscode;
  let page;
  let openFile;
  let editorText;

  before(async () => {
    vscode = await startVsCode((workspace) => {
      fs.mkdirSync(path.join(workspace, 'config'), { recursive: true });
      // A name MirrorLint does not claim: the extension must recognise it by its `clusters` line.
      fs.copyFileSync(path.join(ROOT, 'examples', 'mistakes', 'mm2.properties'), path.join(workspace, 'config', 'replication.properties'));
      fs.writeFileSync(path.join(workspace, 'config', 'log4j.properties'), 'log4j.rootLogger = INFO, stdout\n');
      // One MM2 per data centre: a loop that only exists across the two (closed) files.
      fs.cpSync(path.join(ROOT, 'examples', 'per-dc-identity'), path.join(workspace, 'per-dc'), { recursive: true });
      // Strimzi resources and a Connect JSON config, to check that YAML and JSON reach the server.
      fs.cpSync(path.join(ROOT, 'examples', 'strimzi-identity'), path.join(workspace, 'strimzi'), { recursive: true });
      // Aiven MirrorMaker 2 in Terraform (closed files): the server parses them with its bundled WebAssembly.
      fs.cpSync(path.join(ROOT, 'examples', 'aiven-terraform'), path.join(workspace, 'aiven'), { recursive: true });
      // Its own clusters (other bootstrap servers), so it is a deployment of its own.
      fs.mkdirSync(path.join(workspace, 'connect'));
      fs.writeFileSync(path.join(workspace, 'connect', 'mm2-source.json'), JSON.stringify({
        name: 'mm2-c1-to-c2',
        config: {
          'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
          'source.cluster.alias': 'C1',
          'target.cluster.alias': 'C2',
          'source.cluster.bootstrap.servers': 'c1:9092',
          'target.cluster.bootstrap.servers': 'c2:9092',
          topics: 'orders',
          'sync.topic.config.enabled': 'false',
        },
      }, null, 2));
    });
    ({ page } = vscode);
    openFile = (name) => vscode.openFile(name);
    editorText = () => vscode.editorText();
  });

  after(async () => {
    await vscode?.close();
  });

  it('switches the language of a .properties file that declares clusters and shows diagnostics', async () => {
    await openFile('replication.properties');
    await waitFor(async () => (await page.locator('.statusbar').innerText()).includes('MirrorMaker 2 properties'), 'the MM2 language in the status bar');
    await waitFor(async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0, 'error squiggles', 90_000);
    await page.keyboard.press(`${MOD}+Shift+M`);
    const problems = page.locator('.markers-panel');
    await problems.waitFor({ state: 'visible' });
    await waitFor(async () => {
      const text = await problems.innerText();
      // The list is virtualised: check the rules of the first rows and the total count.
      return ['missing-bootstrap-servers', 'unknown-cluster', 'invalid-topic-pattern', 'invalid-value'].every((id) => text.includes(id)) && text;
    }, 'rule ids in the Problems panel');
    const badge = await page.locator('.panel .composite-bar .badge-content').first().innerText();
    // 11 mistakes in the open file, the loop across the per-dc files, and from the closed Strimzi
    // and Connect files: their loops, internal-topics warnings, a typo and a duration with a unit.
    assert.ok(Number(badge.trim()) >= 12, `Problems badge ${badge}`);
    await page.screenshot({ path: path.join(SHOTS, 'problems.png') });
  });

  it('reports a replication loop that spans two closed MM2 files of the workspace', async () => {
    const filter = problemsFilter(page);
    await filter.fill('replication-cycle');
    const problems = page.locator('.markers-panel');
    await waitFor(async () => {
      const text = await problems.innerText();
      // The open mistakes file names the same brokers, so it joins this deployment and the loop's
      // anchor depends on the seed order; the loop itself must be there.
      return /per-dc\/dc[12]/.test(text) && /Replication loop K[12] → K[12] → K[12]/.test(text) && text.includes('uses IdentityReplicationPolicy') && text;
    }, 'the cross-file loop in the Problems panel');
    await page.screenshot({ path: path.join(SHOTS, 'cross-file-loop.png') });
    await filter.fill('');
  });

  it('checks Strimzi YAML and Connect JSON files as well, open or closed', async () => {
    const filter = problemsFilter(page);
    await filter.fill('strimzi/');
    const problems = page.locator('.markers-panel');
    await waitFor(async () => (await problems.innerText()).includes('Replication loop'), 'the loop between the two Strimzi resources');
    await filter.fill('sync.topic.config.enabled');
    await waitFor(async () => (await problems.innerText()).includes("Unknown MM2 property 'sync.topic.config.enabled'"), 'the typo in the connector JSON');
    await page.screenshot({ path: path.join(SHOTS, 'strimzi-and-connect.png') });
    await filter.fill('');
  });

  it('checks an Aiven Terraform module, closed, with the extension\'s bundled HCL parser', async () => {
    const filter = problemsFilter(page);
    await filter.fill('retention.ms');
    const problems = page.locator('.markers-panel');
    await waitFor(async () => (await problems.innerText()).includes("'retention.ms' of topic 'orders'"), 'the retention drift between the two Aiven services', 60_000).catch(async (error) => {
      await filter.fill('');
      console.log(await problems.innerText());
      throw error;
    });
    await filter.fill('orders-value');
    await waitFor(async () => (await problems.innerText()).includes("Subject 'orders-value' is declared in east but not in west"), 'the subject missing in west');
    await filter.fill('');
  });

  it('applies the rename quick fix for a misspelt key', async () => {
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press(`${MOD}+G`);
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press(`${MOD}+.`);
    const fix = page.locator('.action-widget .action-label', { hasText: "Rename to 'topics.exclude'" }).or(page.locator('.action-widget', { hasText: 'Rename to' }).locator('.monaco-list-row').first());
    await fix.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'quick-fix.png') });
    // The preferred fix is focused in the menu: apply it with Enter, as a user would.
    await page.keyboard.press('Enter');
    await waitFor(async () => (await editorText()).includes('topics.exclude = .*'), 'the renamed key in the editor');
    assert.ok(!(await editorText()).includes('topics.exlude'));
  });

  it('shows the property documentation on hover', async () => {
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'sync.group.offsets.enabled' });
    await hoverUntil(page, hover, 'sync.group.offsets.enabled', 'the hover', async () => {
      await page.keyboard.press(`${MOD}+G`);
      await page.keyboard.type('26');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
    });
    assert.match(await hover.innerText(), /Default: false/);
    await page.screenshot({ path: path.join(SHOTS, 'hover.png') });
    await page.keyboard.press('Escape');
  });
});
