import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';

/**
 * MirrorLint's custom LSP requests and notifications, typed once for the server, the extension and
 * any other client. Topology shapes are generic in their location so that the language service
 * can fill them with offsets and the LSP layer with positions.
 */
export interface TopologyLocation {
  uri: string;
  range: Range;
}

export interface TopologyProblem {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

interface Item<L> {
  location?: L;
  problems: TopologyProblem[];
}

export interface TopologyTopic<L = TopologyLocation> extends Item<L> {
  name: string;
  remote: boolean;
  /** Remote topics: the cluster and topic they copy, and the clusters they passed through. */
  origin?: string;
  originTopic?: string;
  path?: string[];
  /**
   * Remote topics of a cluster a live snapshot saw: there (`present`), a copy the flows make that
   * is not there (`missing`), or there but written by no flow (`orphan`).
   */
  observed?: 'present' | 'missing' | 'orphan';
}

export interface TopologyGroup<L = TopologyLocation> extends Item<L> {
  group: string;
  subscription: string;
}

export interface TopologyCluster<L = TopologyLocation> extends Item<L> {
  alias: string;
  bootstrapServers?: string;
  localTopics: TopologyTopic<L>[];
  remoteTopics: TopologyTopic<L>[];
  groups: TopologyGroup<L>[];
}

export interface TopologyFlow<L = TopologyLocation> extends Item<L> {
  id: string;
  source: string;
  target: string;
  enabled: boolean;
  enabledReason: string;
  policy: string;
  separator: string;
  /** The Kafka release whose MM2 behaviour the flow is read with, and whether it was configured or assumed. */
  kafkaVersion?: { version: string; configured: boolean };
  topics: string[];
  topicsExclude: string[];
  /** What the flow creates in its target: remote names of listed topics, renamed patterns (`K1.*`). */
  produces: string[];
  /** Why the flow's filter cannot be analysed, when it cannot. */
  filterProblem?: string;
  loop: boolean;
}

/** A topic MM2 creates itself: heartbeats (and their copies), checkpoints, offset syncs, its Connect workers' storage. */
export interface TopologyMm2Topic {
  cluster: string;
  name: string;
  role: 'heartbeats' | 'heartbeats-copy' | 'checkpoints' | 'offset-syncs' | 'connect-configs' | 'connect-offsets' | 'connect-status';
  /** The pair whose connector or worker creates it, or the cluster a copy comes from. */
  by: string;
}

export interface TopologyDeployment<L = TopologyLocation> {
  name: string;
  clusters: TopologyCluster<L>[];
  flows: TopologyFlow<L>[];
  /** The topics MM2 creates for its own use, per cluster. */
  mm2Topics: TopologyMm2Topic[];
  mermaid: string;
  /** Some topic's copies were not all listed (the replay stopped at its budget). */
  truncated: boolean;
}

export interface TopologyResult<L = TopologyLocation> {
  deployments: TopologyDeployment<L>[];
}

/** `mirrorlint/topology`: the workspace's deployments for the topology view and diagram. */
export const TopologyRequest = new RequestType<Record<string, never>, TopologyResult, void>('mirrorlint/topology');

/** Sent (debounced) after anything that may change the topology: the view then asks again. */
export const TopologyChangedNotification = new NotificationType<Record<string, never>>('mirrorlint/topologyChanged');

export interface PreviewRemoteTopicsParams {
  uri: string;
  /** Source cluster alias; without it (or `topic`) only the clusters are returned. */
  cluster?: string;
  topic?: string;
}

export interface RemoteTopicPreview {
  cluster: string;
  name: string;
  path: string[];
}

export interface PreviewRemoteTopicsResult {
  clusters: string[];
  previews: RemoteTopicPreview[];
  /** More copies exist than are listed. */
  truncated: boolean;
}

/** `mirrorlint/previewRemoteTopics`: where a topic of a cluster ends up (the Preview Remote Topic Names command). */
export const PreviewRemoteTopicsRequest = new RequestType<PreviewRemoteTopicsParams, PreviewRemoteTopicsResult, void>('mirrorlint/previewRemoteTopics');

export interface ServerStatusParams {
  /** Files analysed, findings by severity, and what the server wants the user to know. */
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Problems with the settings or configuration files that are not shown as diagnostics. */
  settingsProblems: string[];
}

/** `mirrorlint/status`: sent after each analysis, for the status bar. */
export const ServerStatusNotification = new NotificationType<ServerStatusParams>('mirrorlint/status');

/** Reads the clusters of `.mirrorlint.yaml`'s `live:` (read-only) and checks the workspace against them. */
export interface CheckLiveResult {
  /** The clusters read, when all were. */
  clusters: string[];
  /** Why nothing was read (unreachable cluster, no connection configured, untrusted workspace). */
  errors: string[];
  /** The declaration file the observed facts were analysed as, when they were. */
  uri?: string;
}

export const CheckLiveRequest = new RequestType<Record<string, never>, CheckLiveResult, void>('mirrorlint/checkLive');
