import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/**
 * The server links each diagnostic to its rule page as a file (`docs/rules/<id>.md`), which any
 * editor can open. VS Code would open that as raw, editable Markdown: point the link at the
 * command that shows the rendered page instead.
 */
function renderedRuleLink(diagnostic: vscode.Diagnostic): void {
  const code = diagnostic.code;
  if (typeof code !== 'object' || code.target.scheme !== 'file' || !code.target.path.endsWith('.md')) return;
  const args = encodeURIComponent(JSON.stringify([String(code.value)]));
  diagnostic.code = { value: code.value, target: vscode.Uri.parse(`command:mirrorlint.openRuleDocs?${args}`) };
}

export const ruleLinkMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    diagnostics.forEach(renderedRuleLink);
    next(uri, diagnostics);
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (report && report.kind === 'full') report.items.forEach(renderedRuleLink);
    return report;
  },
  async provideWorkspaceDiagnostics(resultIds, token, resultReporter, next) {
    return next(resultIds, token, (chunk) => {
      for (const item of chunk?.items ?? []) if (item.kind === 'full') item.items.forEach(renderedRuleLink);
      resultReporter(chunk);
    });
  },
};
