import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../../shared/src/constants';

/**
 * The server's state, and whether MirrorLint found problems (VS Code's own status item counts them);
 * a click offers what to do next (`mirrorlint.statusMenu`).
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mirrorlint.status', vscode.StatusBarAlignment.Left, 10);
  private state: State = State.Starting;

  constructor(private readonly restricted: () => boolean) {
    this.item.name = 'MirrorLint';
    this.item.command = 'mirrorlint.statusMenu';
    this.render();
  }

  /** Shown once the server runs: a workspace without MM2 files gets no item. */
  show(): void {
    this.item.show();
  }

  watch(client: LanguageClient): vscode.Disposable {
    return vscode.Disposable.from(
      client.onDidChangeState((event) => {
        this.state = event.newState;
        this.render();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
    );
  }

  private render(): void {
    let errors = 0;
    let warnings = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const diagnostic of diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    const restricted = this.restricted() ? ' (restricted mode: referenced schema files are not read)' : '';
    if (this.state === State.Starting) {
      this.item.text = '$(sync~spin) MirrorLint';
      this.item.tooltip = `MirrorLint server starting${restricted}`;
    } else if (this.state === State.Stopped) {
      this.item.text = '$(circle-slash) MirrorLint';
      this.item.tooltip = 'MirrorLint server stopped — run "MirrorLint: Restart Language Server"';
    } else {
      this.item.text = errors ? '$(error) MirrorLint' : warnings ? '$(warning) MirrorLint' : '$(check) MirrorLint';
      this.item.tooltip = `MirrorLint${restricted}: ${errors} errors, ${warnings} warnings. Click for the problems, the topology, the output.`;
    }
    this.item.accessibilityInformation = { label: `MirrorLint: ${errors} errors, ${warnings} warnings` };
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The status item's menu. */
export async function statusMenu(): Promise<void> {
  const choices: (vscode.QuickPickItem & { command: string })[] = [
    { label: '$(warning) Show MirrorLint problems', command: 'workbench.actions.view.problems' },
    { label: '$(type-hierarchy) Show the topology view', command: 'mirrorlint.topology.focus' },
    { label: '$(graph) Show the topology diagram', command: 'mirrorlint.showTopologyDiagram' },
    { label: '$(output) Show the output (version, files, timings)', command: 'mirrorlint.showOutput' },
    { label: '$(debug-restart) Restart the language server', command: 'mirrorlint.restartServer' },
  ];
  const choice = await vscode.window.showQuickPick(choices, { placeHolder: 'MirrorLint' });
  if (choice) await vscode.commands.executeCommand(choice.command);
}
