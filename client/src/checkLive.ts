import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckLiveRequest } from '../../shared/src/protocol';

const OPEN_SETTING = 'Open Setting';

/**
 * MirrorLint: Check Live Clusters. The server connects (read-only) to the clusters of
 * `.mirrorlint.yaml`'s `live:` and analyses what they hold with the workspace; this command only
 * asks, shows progress with a cancel, and says why when it refuses or fails.
 */
export async function checkLive(client: LanguageClient | undefined): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('MirrorLint does not connect to clusters from an untrusted workspace.');
    return;
  }
  if (!vscode.workspace.getConfiguration('mirrorlint').get<boolean>('live.enabled', false)) {
    const choice = await vscode.window.showInformationMessage('Live mode is off: turn on `mirrorlint.live.enabled` to let MirrorLint read the clusters of .mirrorlint.yaml (read-only).', OPEN_SETTING);
    if (choice === OPEN_SETTING) await vscode.commands.executeCommand('workbench.action.openSettings', 'mirrorlint.live.enabled');
    return;
  }
  if (!client) {
    void vscode.window.showWarningMessage('MirrorLint is not running: open an MM2 configuration first.');
    return;
  }
  let cancelled = false;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'MirrorLint: reading the live clusters…', cancellable: true },
    (_progress, token) => {
      token.onCancellationRequested(() => (cancelled = true));
      return client.sendRequest(CheckLiveRequest, {}, token).catch((error: Error) => ({ clusters: [], errors: [error.message] }));
    },
  );
  if (cancelled) return;
  if (result.errors.length) void vscode.window.showErrorMessage(`MirrorLint could not read the clusters: ${result.errors.join(' ')}`);
  else void vscode.window.showInformationMessage(`MirrorLint checked the workspace against ${result.clusters.join(', ')}: see the Problems panel.`);
}
