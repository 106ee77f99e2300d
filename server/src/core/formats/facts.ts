import type { TextEdit } from '../base/finding';
import type { OffsetRange } from '../base/range';
import type { KeyShape, KeyScope } from '../mm2/keys';
import type { AliasOccurrence, ClusterAlias, ConnectorRole, EffectiveValue, Flow, Setting } from './settingFacts';
import type { DeclarationFile } from './yaml/declarationTypes';
import type { WorkspaceConfig } from './mirrorlintConfig/types';
import type { StrimziFacts } from './yaml/strimziTypes';
import type { HclParser } from './terraform/syntax';
import type { YamlChunk } from './yaml/documents';

/**
 * What a reader makes of one file, whatever its syntax: the MM2 settings it writes (with exact
 * ranges), the clusters and flows MM2 derives from them, the declarations it holds, and a writer
 * that edits the file in its own syntax. Everything after the readers works on these facts only.
 */
export type Syntax = 'properties' | 'json' | 'yaml' | 'hcl';

/**
 * How MM2 runs the connectors a file configures. This is semantics, not syntax: a dedicated-mode
 * MirrorMaker reads `A->B.` keys and decides which pairs run; a Connect cluster runs one connector
 * per REST body; Strimzi builds connectors from a resource's mirrors; Aiven runs the three Mirror
 * connectors of each replication flow resource of a MirrorMaker service.
 */
export type Mode = 'dedicated' | 'connect' | 'strimzi' | 'aiven';

export type { AliasOccurrence, ClusterAlias, ConnectorRole, ConnectorView, EffectiveValue, Flow, Setting } from './settingFacts';

/** A value written as a reference MirrorLint cannot resolve (a Terraform variable without default …). */
export interface UnresolvedArgument {
  name: string;
  range: OffsetRange;
  /** The flow it leaves unchecked (`K1->K2`), when the aliases are known. */
  flow?: string;
}

/** The MM2 configuration a file holds, format-free. */
export interface Mm2Facts {
  mode: Mode;
  clusters: ClusterAlias[];
  /** The `clusters` setting of a dedicated-mode file. */
  clustersSetting?: Setting;
  settings: Setting[];
  /** The setting in effect for each key (the last one written). */
  byKey: Map<string, Setting>;
  flows: Flow[];
  aliasOccurrences: AliasOccurrence[];
  bootstrapServers(alias: string): string | undefined;
  /** How a key of `shape` is written in this file: `K1->K2.` in properties, nothing in a connector config. */
  keyPrefix(shape: KeyShape): string;
  /** The source connector's value of `property` on `flow`. */
  effective(flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue;
  /** Strimzi: the resource layout, for the rules about KafkaMirrorMaker2 itself. */
  strimzi?: StrimziFacts;
  /** The Kafka version the file says MM2 runs (Strimzi's `spec.version`, when its resources agree). */
  kafkaVersion?: string;
  /** Terraform: flow and service arguments MirrorLint could not resolve (their flows are left unchecked). */
  terraform?: { unresolved: UnresolvedArgument[] };
  /** Connect mode: which Mirror connector the file posts, and its `name`. */
  connector?: { role: ConnectorRole; className: string; name?: string };
}

export interface SyntaxProblem {
  message: string;
  range: OffsetRange;
}

/**
 * Edits in a file's own syntax. Rules say what to change ("set `topics.exclude` on K1->K2 to …")
 * with plain values; the writer escapes, quotes and places them, so every format gets the same fixes.
 */
export interface Writer {
  /** Replaces a setting's value. */
  setValue(setting: Setting, value: string): TextEdit;
  /** Replaces the property-name part of a setting's key, keeping its alias or flow prefix. */
  renameProperty(setting: Setting, property: string): TextEdit;
  /** Removes a setting (its whole entry). */
  remove(setting: Setting): TextEdit;
  /** Writes an alias (or another bare name) at a range where one is written today. */
  replaceName(range: OffsetRange, name: string): TextEdit;
  /**
   * Sets `property` for the `role` connector of a flow configured in this file: replaces the value
   * that is in effect at flow level, or adds the setting where that connector's settings live.
   * Undefined when the file cannot say it (a Connect JSON of another pair or connector).
   */
  setFlowValue(flow: Pick<Flow, 'id' | 'source' | 'target'>, property: string, value: string, role?: ConnectorRole): TextEdit | undefined;
  /** Adds a setting at top level or under a cluster prefix (dedicated mode only). */
  insert(scope: KeyScope, property: string, value: string, after?: Setting): TextEdit | undefined;
  /** Declares one more cluster alias (dedicated mode: the `clusters` list). */
  addCluster(alias: string): TextEdit | undefined;
}

/** What a file is, decided once by classify(). */
export type FileKind = 'mm2-properties' | 'connect-json' | 'yaml-resources' | 'kafka-topology' | 'terraform' | 'mirrorlint-config';

export interface FileFacts {
  uri: string;
  text: string;
  syntax: Syntax;
  kind: FileKind;
  lineBreak: string;
  /** What the file's parser could not read. */
  problems: SyntaxProblem[];
  /** Full-line comments, where suppression directives are written. */
  comments: OffsetRange[];
  mm2?: Mm2Facts;
  declarations?: DeclarationFile;
  mirrorlintConfig?: WorkspaceConfig;
  writer: Writer;
  /** The YAML reader's parsed stretches, which the file's next version takes over where unchanged. */
  yamlChunks?: readonly YamlChunk[];
}

/** What some readers take from the host. */
export interface ReadOptions {
  /** The HCL parser for Terraform files (loaded asynchronously, once). */
  hcl?: HclParser;
  /**
   * The same file's facts before this edit: a reader may take parts of them over (and move them),
   * so they must not be used after this read.
   */
  previous?: FileFacts;
}
