import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../../shared/src/constants';

/** Server state and MirrorLint's problem count; a click opens the topology view. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mirrorlint.status', vscode.StatusBarAlignment.Left, 10);
  private state: State = State.Starting;

  constructor(private readonly restricted: () => boolean) {
    this.item.name = 'MirrorLint';
    this.item.command = 'mirrorlint.topology.focus';
    this.render();
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
      this.item.text = errors + warnings ? `$(error) ${errors} $(warning) ${warnings} MirrorLint` : '$(check) MirrorLint';
      this.item.tooltip = `MirrorLint server running${restricted}: ${errors} errors, ${warnings} warnings. Click to open the topology view.`;
    }
    this.item.accessibilityInformation = { label: `MirrorLint: ${errors} errors, ${warnings} warnings` };
  }

  dispose(): void {
    this.item.dispose();
  }
}
