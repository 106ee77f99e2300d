/**
 * The custom requests of the MirrorLint server, as the client sees them. Mirrors
 * server/src/lsp/protocol.ts (the client bundle does not import server code); test/unit/protocol.test.ts
 * checks at compile time that both agree.
 */
export const PREVIEW_REMOTE_TOPICS = 'mirrorlint/previewRemoteTopics';
export const TOPOLOGY = 'mirrorlint/topology';
export const TOPOLOGY_CHANGED = 'mirrorlint/topologyChanged';

export interface PreviewRemoteTopicsResult {
  clusters: string[];
  previews: { cluster: string; name: string; path: string[] }[];
}

interface Position {
  line: number;
  character: number;
}

export interface TopologyLocation {
  uri: string;
  range: { start: Position; end: Position };
}

export interface TopologyProblem {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

interface Item {
  location?: TopologyLocation;
  problems: TopologyProblem[];
}

export interface TopologyTopic extends Item {
  name: string;
  remote: boolean;
  origin?: string;
  originTopic?: string;
  path?: string[];
}

export interface TopologyGroup extends Item {
  group: string;
  subscription: string;
}

export interface TopologyCluster extends Item {
  alias: string;
  bootstrapServers?: string;
  localTopics: TopologyTopic[];
  remoteTopics: TopologyTopic[];
  groups: TopologyGroup[];
}

export interface TopologyFlow extends Item {
  id: string;
  source: string;
  target: string;
  enabled: boolean;
  enabledReason: string;
  policy: string;
  topics: string[];
  topicsExclude: string[];
  produces: string[];
  loop: boolean;
}

export interface TopologyDeployment {
  name: string;
  clusters: TopologyCluster[];
  flows: TopologyFlow[];
  mermaid: string;
}

export interface TopologyResult {
  deployments: TopologyDeployment[];
}
