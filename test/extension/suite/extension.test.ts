// Runs inside VS Code's extension host with the real `vscode` API, on a copy of
// examples/active-active opened as the workspace (see ../runTest.ts and ../codeServer.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mirrorlint.mirrorlint';

async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/active-active as its workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

const mirrorlintDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mirrorlint');

describe('MirrorLint in the extension host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['mirrorlint.refreshTopology', 'mirrorlint.showTopologyDiagram', 'mirrorlint.fixAll', 'mirrorlint.openRuleDocs', 'mirrorlint.previewRemoteTopics', 'mirrorlint.restartServer']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('reports the K2 consumer group that misses K1.orders, in an open declarations file', async () => {
    const uri = workspaceFile('k2.topology.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await eventually(() => {
      const found = mirrorlintDiagnostics(uri);
      return found.some((d) => typeof d.code === 'object' && d.code.value === 'consumer-missing-remote-topics') && found;
    }, 'consumer-missing-remote-topics');
    const missing = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'consumer-missing-remote-topics')!;
    assert.equal(missing.message, "Consumer group 'billing' in K2 does not read 'K1.orders'.");
    // The why, at the problem itself, then the flow that makes the copy.
    assert.match(missing.relatedInformation![0].message, /^It reads 'orders', but not the copy MM2 writes into K2 from K1/);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('offers the prefix-aware pattern as the preferred quick fix, and applying it clears the finding', async () => {
    const uri = workspaceFile('k2.topology.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const missing = mirrorlintDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'consumer-missing-remote-topics')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const pattern = actions.find((a) => a.title.startsWith('Subscribe to the pattern'));
    assert.ok(pattern?.edit, actions.map((a) => a.title).join(' | '));
    assert.equal(pattern.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(pattern.edit));
    assert.match(document.getText(), /pattern: '\(K1\\\.\)\?orders'/);
    await eventually(() => !mirrorlintDiagnostics(uri).some((d) => typeof d.code === 'object' && d.code.value === 'consumer-missing-remote-topics'), 'the finding to clear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('previews remote topic names on hover over a declared topic', async () => {
    const uri = workspaceFile('k1.topology.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const position = document.positionAt(document.getText().indexOf('orders:') + 2);
    const hovers = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      return found.length > 0 && found;
    }, 'a hover');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /K2: `K1\.orders` \(K1 → K2\)/);
  });

  it('answers source.fixAll.mirrorlint for editor.codeActionsOnSave', async () => {
    const uri = workspaceFile('mistakes.mm2.properties');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('clusters = A\nA.bootstrap.servers = a:9092\ntopics.exlude = tmp-.*\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    // The client pulls diagnostics for documents shown in editors.
    await vscode.window.showTextDocument(document);
    await eventually(() => mirrorlintDiagnostics(uri).length > 0, 'diagnostics of the new file');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.mirrorlint');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.mirrorlint');
    assert.ok(fixAll?.edit, actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.match(document.getText(), /^topics\.exclude = tmp-\.\*$/m);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
