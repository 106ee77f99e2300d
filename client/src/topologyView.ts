import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TopologyRequest, type TopologyCluster, type TopologyDeployment, type TopologyFlow, type TopologyGroup, type TopologyLocation, type TopologyProblem, type TopologyMm2Topic, type TopologyResult, type TopologyTopic } from '../../shared/src/protocol';

/**
 * The "MirrorMaker Topology" explorer view: what the server's `mirrorlint/topology` request
 * returns, as a tree. The client renders and navigates; it analyses nothing.
 */
type Node =
  | { kind: 'deployment'; deployment: TopologyDeployment }
  | { kind: 'cluster'; cluster: TopologyCluster; mm2Topics: TopologyMm2Topic[] }
  | { kind: 'mm2Topic'; topic: TopologyMm2Topic }
  | { kind: 'section'; label: string; icon: string; children: Node[]; id: string; problems: TopologyProblem[] }
  | { kind: 'topic'; topic: TopologyTopic; cluster: string }
  | { kind: 'group'; group: TopologyGroup; cluster: string }
  | { kind: 'flows'; flows: TopologyFlow[]; id: string }
  | { kind: 'flow'; flow: TopologyFlow };

export const DECORATION_SCHEME = 'mirrorlint-topology';
export const REVEAL_COMMAND = 'mirrorlint.revealInEditor';

const worst = (problems: TopologyProblem[]): TopologyProblem['severity'] | undefined =>
  problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : problems.length ? 'info' : undefined;

const problemLines = (problems: TopologyProblem[]): string => problems.map((p) => `- **${p.rule}** (${p.severity}): ${p.message}`).join('\n');

function problemIcon(problems: TopologyProblem[], fallback: string): vscode.ThemeIcon {
  const severity = worst(problems);
  if (severity === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  return new vscode.ThemeIcon(fallback);
}

export class TopologyTreeProvider implements vscode.TreeDataProvider<Node>, vscode.FileDecorationProvider {
  private readonly treeChanged = new vscode.EventEmitter<Node | undefined>();
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private result: TopologyResult | undefined;
  private loading: Promise<TopologyResult | undefined> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.result = undefined;
    this.loading = undefined;
    this.treeChanged.fire(undefined);
    this.decorationsChanged.fire(undefined);
  }

  /** Whether the workspace holds any MM2 topology (for the welcome view's context key). */
  async hasTopology(): Promise<boolean> {
    return ((await this.load())?.deployments.length ?? 0) > 0;
  }

  private load(): Promise<TopologyResult | undefined> {
    const client = this.client();
    if (this.result) return Promise.resolve(this.result);
    if (!client?.isRunning()) return Promise.resolve(undefined);
    this.loading ??= client.sendRequest(TopologyRequest, {}).then(
      (result) => (this.result = result),
      () => undefined,
    );
    return this.loading;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const result = await this.load();
      const deployments = result?.deployments ?? [];
      void vscode.commands.executeCommand('setContext', 'mirrorlint.hasTopology', deployments.length > 0);
      if (deployments.length === 1) return this.deploymentChildren(deployments[0]);
      return deployments.map((deployment) => ({ kind: 'deployment', deployment }));
    }
    switch (node.kind) {
      case 'deployment':
        return this.deploymentChildren(node.deployment);
      case 'cluster': {
        const { cluster } = node;
        const id = `cluster:${cluster.alias}`;
        const sections: Node[] = [
          { kind: 'section', id: `${id}:local`, label: `Local topics (${cluster.localTopics.length})`, icon: 'symbol-field', problems: cluster.localTopics.flatMap((t) => t.problems), children: cluster.localTopics.map((topic) => ({ kind: 'topic', topic, cluster: cluster.alias })) },
          { kind: 'section', id: `${id}:remote`, label: `Remote topics (${cluster.remoteTopics.length})`, icon: 'cloud-download', problems: cluster.remoteTopics.flatMap((t) => t.problems), children: cluster.remoteTopics.map((topic) => ({ kind: 'topic', topic, cluster: cluster.alias })) },
          { kind: 'section', id: `${id}:groups`, label: `Consumer groups (${cluster.groups.length})`, icon: 'organization', problems: cluster.groups.flatMap((g) => g.problems), children: cluster.groups.map((group) => ({ kind: 'group', group, cluster: cluster.alias })) },
          { kind: 'section', id: `${id}:mm2`, label: `MM2's own topics (${node.mm2Topics.length})`, icon: 'gear', problems: [], children: node.mm2Topics.map((topic) => ({ kind: 'mm2Topic', topic })) },
        ];
        // Empty sections say nothing.
        return sections.filter((section) => section.kind === 'section' && section.children.length > 0);
      }
      case 'section':
        return node.children;
      case 'flows':
        return node.flows.map((flow) => ({ kind: 'flow', flow }));
      default:
        return [];
    }
  }

  private deploymentChildren(deployment: TopologyDeployment): Node[] {
    return [
      ...deployment.clusters.map((cluster): Node => ({ kind: 'cluster', cluster, mm2Topics: (deployment.mm2Topics ?? []).filter((t) => t.cluster === cluster.alias) })),
      { kind: 'flows', flows: deployment.flows, id: `flows:${deployment.name}` },
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'deployment': {
        const item = new vscode.TreeItem(node.deployment.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('folder');
        item.description = `${node.deployment.clusters.length} clusters, ${node.deployment.flows.length} flows`;
        return item;
      }
      case 'cluster': {
        const { cluster } = node;
        const item = this.located(cluster.alias, cluster.location, cluster.problems, 'server', vscode.TreeItemCollapsibleState.Expanded, `cluster/${cluster.alias}`);
        item.resourceUri = decorationUri(`cluster/${cluster.alias}`, [...cluster.problems, ...cluster.localTopics.flatMap((t) => t.problems), ...cluster.remoteTopics.flatMap((t) => t.problems), ...cluster.groups.flatMap((g) => g.problems)]);
        item.description = cluster.bootstrapServers;
        item.contextValue = 'cluster';
        item.tooltip = this.tooltip(`**Cluster ${cluster.alias}**${cluster.bootstrapServers ? `\n\nbootstrap.servers: \`${cluster.bootstrapServers}\`` : ''}`, cluster.problems);
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        // A collapsed section shows its children's problems as a badge.
        item.resourceUri = decorationUri(node.id, node.problems);
        return item;
      }
      case 'topic': {
        const { topic } = node;
        const item = this.located(topic.name, topic.location, topic.problems, topic.remote ? 'cloud-download' : 'symbol-field', vscode.TreeItemCollapsibleState.None, `topic/${node.cluster}/${topic.name}`);
        if (topic.remote && topic.observed === 'orphan') {
          item.description = 'orphan: no flow writes it';
          item.iconPath = new vscode.ThemeIcon('question');
          item.tooltip = this.tooltip(`**${topic.name}** in ${node.cluster}: seen by the last live check, but no flow of this configuration writes it`, topic.problems);
          item.contextValue = 'remoteTopic';
        } else if (topic.remote) {
          item.description = `← ${topic.origin}${topic.observed === 'missing' ? ' · missing' : topic.observed === 'present' ? ' · seen live' : ''}`;
          if (topic.observed === 'missing') item.iconPath = new vscode.ThemeIcon('warning');
          const observed = topic.observed === 'missing' ? '\n\nThe last live check did not find it in this cluster.' : topic.observed === 'present' ? '\n\nThe last live check found it in this cluster.' : '';
          item.tooltip = this.tooltip(`**${topic.name}** in ${node.cluster}: MM2's copy of \`${topic.originTopic}\` of ${topic.origin}\n\nPath: ${(topic.path ?? []).join(' → ')}${observed}`, topic.problems);
          item.contextValue = 'remoteTopic';
        } else {
          item.tooltip = this.tooltip(`**${topic.name}**: a local topic of ${node.cluster}`, topic.problems);
          item.contextValue = 'localTopic';
        }
        return item;
      }
      case 'mm2Topic': {
        const { topic } = node;
        const item = new vscode.TreeItem(topic.name, vscode.TreeItemCollapsibleState.None);
        item.id = `mm2topic/${topic.cluster}/${topic.name}`;
        item.iconPath = new vscode.ThemeIcon(topic.role === 'heartbeats-copy' ? 'arrow-small-left' : 'gear');
        item.description = `${topic.role} · ${topic.by}`;
        item.tooltip = new vscode.MarkdownString(`**${topic.name}** in ${topic.cluster}: created by MM2 (${topic.role}, ${topic.role === 'heartbeats-copy' ? `a copy of ${topic.by}'s heartbeats` : topic.by})`);
        return item;
      }
      case 'group': {
        const { group } = node;
        const item = this.located(group.group, group.location, group.problems, 'person', vscode.TreeItemCollapsibleState.None, `group/${node.cluster}/${group.group}`);
        item.description = group.subscription;
        item.contextValue = 'consumerGroup';
        item.tooltip = this.tooltip(`**Consumer group ${group.group}** in ${node.cluster}\n\nSubscription: ${group.subscription || '—'}`, group.problems);
        return item;
      }
      case 'flows': {
        const item = new vscode.TreeItem(`Flows (${node.flows.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('git-compare');
        item.resourceUri = decorationUri(node.id, node.flows.flatMap((f) => f.problems));
        return item;
      }
      case 'flow': {
        const { flow } = node;
        const policy = flow.policy.split('.').pop() || '—';
        const item = this.located(`${flow.source} → ${flow.target}`, flow.location, flow.problems, flow.enabled ? 'export' : 'circle-slash', vscode.TreeItemCollapsibleState.None, `flow/${flow.id}`);
        if (flow.loop) item.iconPath = new vscode.ThemeIcon('sync', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.description = flow.enabled ? `${policy} · ${flow.topics.join(', ') || '.*'}` : 'disabled';
        item.contextValue = flow.enabled ? 'flow' : 'disabledFlow';
        const lines = [
          `**${flow.id}** — ${flow.enabled ? 'enabled' : 'disabled'} (${flow.enabledReason})`,
          flow.enabled ? `Policy: \`${flow.policy}\`` : '',
          flow.enabled ? `Topics: \`${flow.topics.join(', ') || '.*'}\` · excluded: \`${flow.topicsExclude.join(', ')}\`` : '',
          flow.produces.length ? `Creates in ${flow.target}: ${flow.produces.map((p) => `\`${p}\``).join(', ')}` : '',
          flow.loop ? '**Part of a replication loop.**' : '',
        ].filter(Boolean);
        item.tooltip = this.tooltip(lines.join('\n\n'), flow.problems);
        return item;
      }
    }
  }

  /** An item that opens its declaration when selected and carries its problems' decoration. */
  private located(label: string, location: TopologyLocation | undefined, problems: TopologyProblem[], icon: string, state: vscode.TreeItemCollapsibleState, id: string): vscode.TreeItem {
    const item = new vscode.TreeItem(label, state);
    item.id = id;
    item.iconPath = problemIcon(problems, icon);
    item.resourceUri = decorationUri(id, problems);
    if (location) item.command = { title: 'Reveal', command: REVEAL_COMMAND, arguments: [location] };
    return item;
  }

  private tooltip(text: string, problems: TopologyProblem[]): vscode.MarkdownString {
    return new vscode.MarkdownString(problems.length ? `${text}\n\n---\n${problemLines(problems)}` : text);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DECORATION_SCHEME || !uri.query) return undefined;
    const query = new URLSearchParams(uri.query);
    const severity = query.get('severity');
    const count = query.get('count') ?? '';
    const color = severity === 'error' ? 'list.errorForeground' : severity === 'warning' ? 'list.warningForeground' : undefined;
    return { badge: count.length <= 2 ? count : '9+', color: color ? new vscode.ThemeColor(color) : undefined, tooltip: `${count} MirrorLint problem${count === '1' ? '' : 's'}` };
  }

  /** The deployments as last loaded (for the diagram). */
  async deployments(): Promise<TopologyDeployment[]> {
    return (await this.load())?.deployments ?? [];
  }
}

/** The decoration provider colours and badges items by this URI, like files with problems. */
function decorationUri(id: string, problems: TopologyProblem[]): vscode.Uri {
  const severity = worst(problems);
  return vscode.Uri.from({ scheme: DECORATION_SCHEME, path: `/${id}`, query: severity ? `severity=${severity}&count=${problems.length}` : '' });
}

/** Opens a location from the tree in an editor, with the range selected. */
export async function revealInEditor(location: TopologyLocation): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
  await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
}
