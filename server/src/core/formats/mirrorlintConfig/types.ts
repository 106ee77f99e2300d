import type { Document } from 'yaml';
import type { SeveritySetting } from '../../base/finding';
import type { OffsetRange } from '../../base/range';

export type RegistrySharing = 'shared' | 'separate';

export interface ClusterMapping {
  alias: string;
  aliasRange: OffsetRange;
  /** Globs or folders, relative to the workspace config file, whose declarations describe this cluster. */
  paths: string[];
  /** The `strimzi.io/cluster` label (Kafka CR name) of this cluster's KafkaTopic and KafkaUser resources. */
  strimziCluster?: string;
  /** The Aiven Kafka service (`spec.serviceName`) of this cluster's Aiven operator resources. */
  aivenService?: string;
}

/** How live mode reaches one cluster, as written: values may be `${env:NAME}` or `${file:path}` references. */
export interface LiveConnection {
  bootstrapServers: string;
  sasl?: { mechanism: string; username: string; password: string };
  /** TLS: on, optionally with PEM files (relative to the config file). */
  tls?: { ca?: string; cert?: string; key?: string };
}

/** `.mirrorlint.yaml`: settings for the files below its folder. */
export interface WorkspaceConfig {
  uri: string;
  /** The folder the config applies to (its paths are relative to it). */
  directory: string;
  clusters: ClusterMapping[];
  /** Whether the clusters share one schema registry (then schemas need no syncing). */
  schemaRegistry: RegistrySharing;
  /** Rule severities; they win over editor settings and CLI defaults. */
  rules: Record<string, SeveritySetting>;
  /** Every rule id written under `rules:`, with where, so that misspelt ids are reported. */
  ruleKeys: { id: string; range: OffsetRange }[];
  /** The Kafka version MM2 runs, as written (validated by the schema rule). */
  kafkaVersion?: string;
  /** Globs of files MirrorLint does not analyse. */
  ignore: string[];
  /** Live mode: how to reach each cluster (read-only), by alias. Secrets stay references (`${env:NAME}`). */
  live: Record<string, LiveConnection>;
  document?: Document.Parsed;
  /** Why the file was not parsed (nested too deeply); the settings stay at their defaults. */
  unread?: { message: string; range: OffsetRange };
  /** Made from editor settings rather than read from a `.mirrorlint.yaml`. */
  fromSettings?: boolean;
}
