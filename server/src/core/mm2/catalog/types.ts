/** Where a property may be written in a dedicated-mode MM2 file. */
export type PropertyScope = 'top' | 'cluster' | 'flow';

/** ConfigDef types as Kafka declares them; `duration` is a LONG whose name says its unit. */
export type PropertyType = 'boolean' | 'int' | 'short' | 'long' | 'double' | 'string' | 'list' | 'class' | 'password';

/** Which part of MM2 reads the property. */
export type PropertyOwner = 'mirror-maker' | 'connector' | 'worker' | 'client';

export interface PropertyInfo {
  name: string;
  type: PropertyType;
  /** Default as the newest Kafka release prints it; undefined for "no default" (null). */
  defaultValue?: string;
  /** The default of releases before `before` (`topics.exclude` before 4.0). */
  legacyDefault?: { before: string; value: string };
  validValues?: readonly string[];
  /** ConfigDef.CaseInsensitiveValidString rather than ValidString. */
  caseInsensitive?: boolean;
  /** `seconds` or `ms` for durations: shown in hover, used to explain invalid values. */
  unit?: 'seconds' | 'ms';
  /** Smallest accepted value for numbers, when Kafka validates one. */
  min?: number;
  doc: string;
  owner: PropertyOwner;
  scopes: readonly PropertyScope[];
  /** Which Mirror connectors define it (for connector properties). */
  connectors?: readonly ('source' | 'checkpoint' | 'heartbeat')[];
  since?: string;
  removedIn?: string;
  deprecated?: { since: string; replacement?: string; note: string };
  /** Kafka 4.2+ rejects duplicate items (ConfigDef.ValidList.anyNonDuplicateValues, checked by the connector's validate). */
  uniqueItems?: boolean;
  /** The value is a comma-separated list of Java regular expressions. */
  regexList?: 'topics' | 'groups' | 'config properties';
  /** Class values that are worth offering in completion. */
  knownClasses?: readonly string[];
}

/** A key family such as `producer.*`: any Kafka setting of that client may follow the prefix. */
export interface PrefixFamily {
  prefix: string;
  scopes: readonly PropertyScope[];
  doc: string;
  /** Names that may follow the prefix (listed for completion); undefined means any name is accepted. */
  suffixes?: ReadonlySet<string>;
}
