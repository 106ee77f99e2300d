import { NotificationType0, RequestType, type Range } from 'vscode-languageserver';
import type { OverviewCluster, OverviewFlow, OverviewGroup, OverviewTopic } from '../core/service/overview';

/** Custom requests between the MirrorLint client and server (also usable by other LSP clients). */
export interface PreviewRemoteTopicsParams {
  uri: string;
  /** Source cluster alias; without it (or `topic`) only the clusters are returned. */
  cluster?: string;
  topic?: string;
}

export interface PreviewRemoteTopicsResult {
  clusters: string[];
  previews: { cluster: string; name: string; path: string[] }[];
}

export const PreviewRemoteTopicsRequest = new RequestType<PreviewRemoteTopicsParams, PreviewRemoteTopicsResult, void>('mirrorlint/previewRemoteTopics');

/**
 * `mirrorlint/topology`: the workspace's deployments for the topology view and diagram. Shapes
 * are core/topologyOverview.ts's with LSP locations; the client renders them and analyses nothing.
 */
export interface TopologyLocation {
  uri: string;
  range: Range;
}

type WithLspLocation<T> = Omit<T, 'location'> & { location?: TopologyLocation };

export type TopologyTopic = WithLspLocation<OverviewTopic>;
export type TopologyGroup = WithLspLocation<OverviewGroup>;
export type TopologyFlow = WithLspLocation<OverviewFlow>;
export type TopologyCluster = WithLspLocation<Omit<OverviewCluster, 'localTopics' | 'remoteTopics' | 'groups'>> & {
  localTopics: TopologyTopic[];
  remoteTopics: TopologyTopic[];
  groups: TopologyGroup[];
};

export interface TopologyResult {
  deployments: { name: string; clusters: TopologyCluster[]; flows: TopologyFlow[]; mermaid: string }[];
}

export const TopologyRequest = new RequestType<Record<string, never>, TopologyResult, void>('mirrorlint/topology');

/** Sent (debounced) after anything that may change the topology: the view then asks again. */
export const TopologyChangedNotification = new NotificationType0('mirrorlint/topologyChanged');
