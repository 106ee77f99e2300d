import type { OffsetMap } from '../base/offsetMap';
import type { OffsetRange } from '../base/range';
import type { PropertyLookup } from '../mm2/catalog';
import type { KeyShape } from '../mm2/keys';

/** The format-neutral vocabulary of MM2 settings: what every reader produces and every rule reads. */
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
  /** The source connector exists but does not run now (Strimzi `state: paused|stopped`, or `pause: true`). */
  dormant?: 'paused' | 'stopped';
  /** The Kafka version the file says runs the flow (Strimzi's `spec.version`). */
  kafkaVersion?: string;
  /** The Mirror connectors this file runs for the pair, each with its view of the settings. */
  connectors: Partial<Record<ConnectorRole, ConnectorView>>;
}

/** Every place an alias is written, for navigation and rename. */
export interface AliasOccurrence {
  alias: string;
  range: OffsetRange;
  isDeclaration: boolean;
}
