import { RequestType } from 'vscode-languageserver';

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
