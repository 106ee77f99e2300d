/**
 * The `mirrorlint.*` editor settings, shared by the extension (which contributes them) and the
 * server (which reads them once per workspace folder). `rules`, `ignore` and `clusters` mean what the
 * same keys of `.mirrorlint.yaml` mean, and are validated by the same JSON schema.
 */
export type SeveritySetting = 'error' | 'warning' | 'info' | 'off';

export interface ClusterMappingSetting {
  paths?: string[];
  strimziCluster?: string;
  aivenService?: string;
}

export interface MirrorLintSettings {
  /** Severity per rule id, e.g. `{ "inactive-flow-setting": "off" }`. */
  rules: Record<string, SeveritySetting>;
  /** Globs (relative to the workspace folder) of files not analysed. */
  ignore: string[];
  /** Alias → which declaration files describe it. */
  clusters: Record<string, ClusterMappingSetting>;
  /** The Kafka version MM2 runs (`3.9`, `4.1.0`); empty for the newest MirrorLint knows. */
  kafkaVersion?: string;
}

export const DEFAULT_SETTINGS: MirrorLintSettings = { rules: {}, ignore: [], clusters: {}, kafkaVersion: '' };
