import type { TextEdit } from '../base/finding';
import type { OffsetMap } from '../base/offsetMap';
import type { OffsetRange } from '../base/range';
import type { PropertyLookup } from '../mm2/catalog';
import type { KeyShape, KeyScope } from '../mm2/keys';
import type { DeclarationFile } from './yaml/declarationTypes';
import type { WorkspaceConfig } from './mirrorlintConfig/read';
import type { StrimziFacts } from './yaml/strimzi';

/**
 * What a reader makes of one file, whatever its syntax: the MM2 settings it writes (with exact
 * ranges), the clusters and flows MM2 derives from them, the declarations it holds, and a writer
 * that edits the file in its own syntax. Everything after the readers works on these facts only.
 */
export type Syntax = 'properties' | 'json' | 'yaml';

/**
 * How MM2 runs the connectors a file configures. This is semantics, not syntax: a dedicated-mode
 * MirrorMaker reads `A->B.` keys and decides which pairs run; a Connect cluster runs one connector
 * per REST body; Strimzi builds connectors from a resource's mirrors.
 */
export type Mode = 'dedicated' | 'connect' | 'strimzi';

export type ConnectorRole = 'source' | 'checkpoint' | 'heartbeat';

/** One setting as MM2 reads it, wherever and however it was written. */
export interface Setting {
  /** The key as written, decoded (`K1->K2.topics`, `topics`, `topicsPattern`). */
  key: string;
  value: string;
  keyRange: OffsetRange;
  /** The value's text (inside quotes, for JSON and quoted YAML). */
  valueRange: OffsetRange;
  /** The whole entry, from its key to the end of its line. */
  span: OffsetRange;
  /** Source offset of each decoded character of the key / value (one extra element marks the end). */
  keyOffsets: OffsetMap;
  valueOffsets: OffsetMap;
  /** Scope, aliases and the MM2 property the key sets. */
  shape: KeyShape;
  lookup: PropertyLookup | undefined;
  /** A later setting of the same key wins, so MM2 never sees this one. */
  overridden: boolean;
  overriddenBy?: Setting;
}

export interface ClusterAlias {
  alias: string;
  /** Where the alias is declared (a `clusters` item, a Strimzi `alias:` value, a connector's alias value). */
  range: OffsetRange;
}

/** Where a setting's effective value comes from, in MM2's resolution order (flow > top level > default). */
export interface EffectiveValue {
  value: string | undefined;
  origin: 'flow' | 'top' | 'default';
  setting?: Setting;
}

/** How one Mirror connector of a flow sees its settings. */
export interface ConnectorView {
  role: ConnectorRole;
  value(property: string): EffectiveValue;
  /** Where the connector is configured, for related locations. */
  anchor?: Setting;
}

export interface Flow {
  id: string;
  source: string;
  target: string;
  /** The source connector runs and replicates topics. */
  enabled: boolean;
  /** Why the flow is (not) enabled, for hovers and messages. */
  enabledReason: string;
  /** The setting that enabled the flow, or where its connector is declared. */
  enabledBy?: Setting;
  /** The Mirror connectors this file runs for the pair, each with its view of the settings. */
  connectors: Partial<Record<ConnectorRole, ConnectorView>>;
}

/** Every place an alias is written, for navigation and rename. */
export interface AliasOccurrence {
  alias: string;
  range: OffsetRange;
  isDeclaration: boolean;
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
export type FileKind = 'mm2-properties' | 'connect-json' | 'yaml-resources' | 'kafka-topology' | 'mirrorlint-config';

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
}
