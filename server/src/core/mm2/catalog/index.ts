import { ADMIN_SETTINGS, CLIENT_PROPERTIES, CLUSTER_SETTINGS, CONNECTION_SETTINGS, CONSUMER_SETTINGS, PRODUCER_SETTINGS } from './clientProperties';
import { MIRROR_PROPERTIES } from './mirrorProperties';
import type { PrefixFamily, PropertyInfo, PropertyScope } from './types';
import { releasedBy, type KafkaSemantics } from '../versions';

export * from './types';
export { MIRROR_PROPERTIES, DEFAULT_REPLICATION_POLICY, IDENTITY_REPLICATION_POLICY, DEFAULT_TOPICS_EXCLUDE, DEFAULT_GROUPS_EXCLUDE } from './mirrorProperties';

/**
 * Connect's own connector settings (ConnectorConfig), part of every Mirror connector's ConfigDef:
 * MM2 copies them from the top level too (connectorBaseConfig keeps top-level connector names).
 */
export const CONNECTOR_BASE_SETTINGS: ReadonlySet<string> = new Set([
  'name', 'connector.class', 'key.converter', 'value.converter', 'header.converter', 'transforms', 'predicates',
  'config.action.reload', 'errors.retry.timeout', 'errors.retry.delay.max.ms', 'errors.tolerance',
  'errors.log.enable', 'errors.log.include.messages', 'tasks.max.enforce',
  // Kafka 4.1 (KIP-891): pin plugin versions.
  'connector.plugin.version', 'key.converter.plugin.version', 'value.converter.plugin.version', 'header.converter.plugin.version',
]);

/**
 * What Connect reads of a source connector besides (SourceConnectorConfig). Not in the Mirror
 * connectors' ConfigDefs, so MM2 drops them at top level; a flow's `A->B.` keys all reach its connectors.
 */
export const SOURCE_CONNECTOR_SETTINGS: ReadonlySet<string> = new Set(['exactly.once.support', 'transaction.boundary', 'transaction.boundary.interval.ms', 'offsets.storage.topic']);

/**
 * Read at top level by dedicated MirrorMaker itself: its REST server (RestServerConfig, used with
 * `dedicated.mode.enable.internal.rest`) and the plugin loader (`new Plugins(originals)`).
 */
const MIRROR_MAKER_SETTINGS: ReadonlySet<string> = new Set([
  'listeners', 'rest.advertised.host.name', 'rest.advertised.port', 'rest.advertised.listener',
  'access.control.allow.origin', 'access.control.allow.methods', 'response.http.headers.config', 'ssl.client.auth',
  'plugin.path', 'plugin.discovery',
]);

const family = (prefix: string, scopes: PropertyScope[], doc: string, suffixes?: ReadonlySet<string>): PrefixFamily => ({
  prefix,
  scopes,
  doc,
  suffixes,
});

const SECURITY_PREFIXES = ['ssl.', 'sasl.'];

const CLIENT_FAMILIES: PrefixFamily[] = [
  family('producer.', ['cluster', 'flow'], 'Kafka producer setting for the producers MM2 uses with this cluster.', PRODUCER_SETTINGS),
  family('consumer.', ['cluster', 'flow'], 'Kafka consumer setting for the consumers MM2 uses with this cluster.', CONSUMER_SETTINGS),
  family('admin.', ['cluster', 'flow'], 'Kafka admin client setting for the admin clients MM2 uses with this cluster.', ADMIN_SETTINGS),
  // Source connectors get the worker's producer and admin overrides; a consumer override is for sink connectors.
  family('producer.override.', ['flow'], 'Per-connector producer override, applied by the Connect worker when its client override policy allows it.', PRODUCER_SETTINGS),
  family('admin.override.', ['flow'], 'Per-connector admin client override, applied by the Connect worker when its client override policy allows it.', ADMIN_SETTINGS),
  family('ssl.', ['top', 'cluster', 'flow'], 'Kafka client TLS setting.'),
  family('sasl.', ['top', 'cluster', 'flow'], 'Kafka client SASL setting.'),
];

const FAMILIES: readonly PrefixFamily[] = [
  ...CLIENT_FAMILIES,
  ...['source.', 'target.'].flatMap((side) => [
    family(`${side}cluster.`, ['flow'], `Connection setting for the ${side.slice(0, -1)} cluster of this flow (only bootstrap, security, \`ssl.*\` and \`sasl.*\` reach MM2's clients).`, CONNECTION_SETTINGS),
    family(`${side}producer.`, ['flow'], `Producer setting for the ${side.slice(0, -1)} cluster of this flow.`, PRODUCER_SETTINGS),
    family(`${side}consumer.`, ['flow'], `Consumer setting for the ${side.slice(0, -1)} cluster of this flow.`, CONSUMER_SETTINGS),
    family(`${side}admin.`, ['flow'], `Admin client setting for the ${side.slice(0, -1)} cluster of this flow.`, ADMIN_SETTINGS),
  ]),
  family('config.providers.', ['top'], 'Configuration of a ConfigProvider named in `config.providers`.'),
  family('replication.policy.', ['top', 'flow', 'cluster'], 'Setting read by the replication policy class (custom policies may define their own).'),
  family('transforms.', ['flow'], 'Single Message Transform configuration.'),
  family('predicates.', ['flow'], 'Predicate configuration for Single Message Transforms.'),
  ...['offset.storage.', 'config.storage.', 'status.storage.', 'key.converter.', 'value.converter.', 'header.converter.'].map((prefix) =>
    family(prefix, ['top', 'cluster', 'flow'], 'Connect worker setting; MM2 copies top-level keys with this prefix into every herder.')),
];

const BY_NAME = new Map<string, PropertyInfo>();
for (const info of [...MIRROR_PROPERTIES, ...CLIENT_PROPERTIES]) {
  const existing = BY_NAME.get(info.name);
  BY_NAME.set(info.name, existing ? { ...existing, scopes: [...new Set([...existing.scopes, ...info.scopes])] } : info);
}

export type PropertyLookup =
  | { kind: 'property'; info: PropertyInfo }
  | { kind: 'family'; family: PrefixFamily; suffix: string }
  /** A plain Kafka client or worker setting that MM2 passes through. */
  | { kind: 'passthrough'; name: string };

/** Where `name` is defined for a key written in `scope`, or undefined when MM2 ignores or rejects it. */
export function lookupProperty(name: string, scope: PropertyScope): PropertyLookup | undefined {
  const info = BY_NAME.get(name);
  if (info && info.scopes.includes(scope)) return { kind: 'property', info };
  if (scope !== 'cluster' && CONNECTOR_BASE_SETTINGS.has(name)) return { kind: 'passthrough', name };
  if (scope === 'flow' && SOURCE_CONNECTOR_SETTINGS.has(name)) return { kind: 'passthrough', name };
  if (scope === 'cluster' && CLUSTER_SETTINGS.has(name)) return { kind: 'passthrough', name };
  // workerConfig copies top-level `task*` and `worker*` keys into every herder's worker.
  if (scope === 'top' && (name.startsWith('task') || name.startsWith('worker') || MIRROR_MAKER_SETTINGS.has(name))) return { kind: 'passthrough', name };
  for (const fam of FAMILIES) {
    if (fam.scopes.includes(scope) && name.startsWith(fam.prefix) && name.length > fam.prefix.length) {
      const suffix = name.slice(fam.prefix.length);
      const accepted =
        !fam.suffixes ||
        fam.suffixes.has(suffix) ||
        SECURITY_PREFIXES.some((p) => suffix.startsWith(p) && suffix.length > p.length);
      if (accepted) return { kind: 'family', family: fam, suffix };
    }
  }
  return undefined;
}

/** The catalog entry for an MM2 or documented client property, whatever the scope. */
export function propertyInfo(name: string): PropertyInfo | undefined {
  return BY_NAME.get(name);
}

const NAMES_BY_SCOPE = new Map<PropertyScope, readonly string[]>();

/** Every name that is valid in `scope`, for completion and "did you mean" suggestions. */
export function namesForScope(scope: PropertyScope): readonly string[] {
  let cached = NAMES_BY_SCOPE.get(scope);
  if (!cached) {
    cached = computeNamesForScope(scope);
    NAMES_BY_SCOPE.set(scope, cached);
  }
  return cached;
}

function computeNamesForScope(scope: PropertyScope): string[] {
  const names = new Set<string>();
  for (const info of BY_NAME.values()) if (info.scopes.includes(scope) && !info.deprecated) names.add(info.name);
  if (scope === 'cluster') for (const name of CLUSTER_SETTINGS) names.add(name);
  if (scope !== 'cluster') for (const name of CONNECTOR_BASE_SETTINGS) names.add(name);
  if (scope === 'flow') for (const name of SOURCE_CONNECTOR_SETTINGS) names.add(name);
  for (const fam of FAMILIES) {
    if (!fam.scopes.includes(scope) || !fam.suffixes) continue;
    for (const suffix of fam.suffixes) names.add(fam.prefix + suffix);
  }
  return [...names];
}

/** Documented properties for `scope` (MM2's own and documented client settings). */
export function documentedProperties(scope: PropertyScope): PropertyInfo[] {
  return [...BY_NAME.values()].filter((info) => info.scopes.includes(scope));
}

export function allProperties(): PropertyInfo[] {
  return [...BY_NAME.values()];
}

/** The property's default in the Kafka release `kafka` describes. */
export function defaultIn(info: PropertyInfo, kafka: KafkaSemantics): string | undefined {
  const legacy = info.legacyDefault;
  return legacy && !releasedBy(kafka, legacy.before) ? legacy.value : info.defaultValue;
}

/** Whether the release defines the property: added by then (`since`) and not removed (`removedIn`). */
export function definedIn(info: PropertyInfo, kafka: KafkaSemantics): boolean {
  return (info.since === undefined || releasedBy(kafka, info.since)) && (info.removedIn === undefined || !releasedBy(kafka, info.removedIn));
}
