import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { TopologyDeployment } from '../../shared/src/protocol';

/**
 * The topology as a diagram: the server's Mermaid chart (the one `mirrorlint topology --format
 * mermaid` prints, loops in red) rendered by the Mermaid library shipped in the extension. Strict
 * Content Security Policy: no remote resources, scripts only from the extension with a nonce.
 */
let panel: vscode.WebviewPanel | undefined;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function diagramHtml(webview: vscode.Webview, mermaidScript: vscode.Uri, deployments: TopologyDeployment[]): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    // Mermaid writes its styles into the SVG it generates.
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const charts = deployments.length
    ? deployments.map((d) => `<section><h2>${escapeHtml(d.name)}</h2><pre class="mermaid">${escapeHtml(d.mermaid)}</pre></section>`).join('\n')
    : '<p>No MirrorMaker 2 configuration in this workspace.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>MirrorMaker Topology</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  h2 { font-size: 1.1em; font-weight: 600; }
  .legend { opacity: 0.8; }
  pre.mermaid { overflow: auto; }
</style>
</head>
<body>
<p class="legend">Clusters and enabled flows, labelled with the remote topics each flow creates. Replication loops are drawn in red, flows that chain remote names (<code>B.A.orders</code>) in orange.</p>
${charts}
<script nonce="${nonce}" src="${mermaidScript}"></script>
<script nonce="${nonce}">
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  // Natural size (scrolling when wide): fitted to the panel, a three-cluster chart's text became tiny.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', flowchart: { useMaxWidth: false }, themeVariables: { fontSize: '15px' } });
  mermaid.run({ querySelector: 'pre.mermaid' });
</script>
</body>
</html>`;
}

export function showDiagram(extensionUri: vscode.Uri, deployments: TopologyDeployment[]): void {
  const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
  if (!panel) {
    panel = vscode.window.createWebviewPanel('mirrorlint.topologyDiagram', 'MirrorMaker Topology', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.onDidDispose(() => (panel = undefined));
  }
  panel.webview.html = diagramHtml(panel.webview, panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.min.js')), deployments);
  panel.reveal(undefined, true);
}

/** Re-renders the diagram after the topology changed, if it is open (asking for the topology only then). */
export async function updateDiagram(extensionUri: vscode.Uri, deployments: () => Promise<TopologyDeployment[]>): Promise<void> {
  if (panel) showDiagram(extensionUri, await deployments());
}
