import type { Document, YAMLMap } from 'yaml';
import type { OffsetRange } from '../../base/range';
import type { Flow, Setting } from '../settingFacts';
import type { FieldFact } from './nodes';

/** The layout of Strimzi `KafkaMirrorMaker2` resources, for the rules about the resource itself. */
export type StrimziVersion = 'v1' | 'v1beta2';
export type { FieldFact };
export type ConnectorField = 'sourceConnector' | 'checkpointConnector' | 'heartbeatConnector';


export interface MirrorConnectorFact {
  key: FieldFact;
  /** The connector's node (a map, or absent for `sourceConnector: {}` written as null). */
  node?: YAMLMap;
  config: Map<string, Setting>;
  configNode?: YAMLMap;
}

export interface MirrorFact {
  source?: FieldFact;
  target?: FieldFact;
  node: YAMLMap;
  connectors: Partial<Record<ConnectorField, MirrorConnectorFact>>;
  /** topicsPattern, topicsExcludePattern, groupsPattern, groupsExcludePattern and the deprecated *BlacklistPattern. */
  patterns: Map<string, FieldFact>;
  /** The settings the pattern fields become (`topics`, `topics.exclude` …), over every connector's config. */
  patternSettings: Map<string, Setting>;
  flow?: Flow;
}

export interface ResourceFact {
  version: StrimziVersion;
  /** `kafka.strimzi.io`, or `eventstreams.ibm.com` (IBM Event Streams, the same resource). */
  group: string;
  /** The YAML document of the resource, for schema validation. */
  document: Document.Parsed;
  name?: string;
  namespace?: string;
  kindRange: OffsetRange;
  connectCluster?: FieldFact;
  /** v1: each mirror's `source` cluster, with its client `config`. */
  mirrorSources: { alias: FieldFact; config: Map<string, FieldFact> }[];
  /** `spec.version`: the Kafka version Strimzi runs MM2 with (the operator's default when absent). */
  kafkaVersion?: string;
  clusters: { alias: FieldFact; bootstrapServers?: FieldFact; config: Map<string, FieldFact> }[];
  target?: { alias?: FieldFact; bootstrapServers?: FieldFact; groupId?: FieldFact; storageTopics: FieldFact[]; config: Map<string, FieldFact> };
  /** v1beta2: the Connect worker settings in the connect cluster's `config`. */
  connectConfig?: Map<string, FieldFact>;
  mirrors: MirrorFact[];
  /** Spec fields the resource's API version does not define. */
  fields: FieldFact[];
}

export interface StrimziFacts {
  resources: ResourceFact[];
  /** KafkaMirrorMaker2 resources of an API version MirrorLint does not read (`v1alpha1`, removed from Strimzi). */
  unsupported: { apiVersion: string; range: OffsetRange }[];
}
