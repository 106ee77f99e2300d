import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { flowSetting, settingOrDefault } from '../flowSettings';
import type { ConfigEntry, EffectiveValue, Flow, Mm2Config } from '../../model/config';
import { flowId } from '../../mm2/keys';
import { OffsetMap, type PropertiesDocument, type PropertyEntry } from '../properties/parse';
import type { OffsetRange } from '../../base/range';

/**
 * Kafka Connect JSON for the Mirror connectors — the REST body `{"name", "config": {…}}` or the bare
 * config map — read as the same model as a dedicated-mode file: one flow `<source>-><target>` whose
 * settings are the config keys. Every rule, hover and preview then works on it unchanged.
 */
export type MirrorConnector = 'MirrorSourceConnector' | 'MirrorCheckpointConnector' | 'MirrorHeartbeatConnector';

const CONNECTOR = /(?:^|\.)(Mirror(?:Source|Checkpoint|Heartbeat)Connector)$/;

/** The Mirror connector a JSON text configures, or undefined. Cheap enough to call on any `.json` file. */
export function mirrorConnectorOf(text: string): MirrorConnector | undefined {
  if (!text.includes('Mirror')) return undefined;
  const map = configMap(parseTree(text, [], { allowTrailingComma: true }));
  const className = map && stringProperty(map, 'connector.class');
  const match = className ? CONNECTOR.exec(className.value.trim()) : null;
  return (match?.[1] as MirrorConnector | undefined) ?? undefined;
}

function configMap(root: Node | undefined): Node | undefined {
  if (root?.type !== 'object') return undefined;
  const config = root.children?.find((p) => p.children?.[0]?.value === 'config')?.children?.[1];
  return config?.type === 'object' ? config : root;
}

function stringProperty(map: Node, key: string): { value: string; node: Node } | undefined {
  const node = map.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  return node && node.type === 'string' ? { value: node.value as string, node } : undefined;
}

/** The range of a JSON value's text: inside the quotes for strings. */
function innerRange(node: Node): OffsetRange {
  return node.type === 'string' ? { start: node.offset + 1, end: node.offset + node.length - 1 } : { start: node.offset, end: node.offset + node.length };
}

function offsetsFor(text: string, node: Node, decoded: string): OffsetMap {
  const range = innerRange(node);
  // Escaped JSON strings do not map one to one; point every character at the start then.
  return text.slice(range.start, range.end) === decoded ? OffsetMap.linear(range.start, decoded.length + 1) : OffsetMap.constant(range.start, decoded.length + 1);
}

export interface ConnectJsonParse {
  config: Mm2Config;
  connector?: MirrorConnector;
  problems: { message: string; range: OffsetRange }[];
}

export function parseConnectJson(text: string): ConnectJsonParse {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  // Later errors are mostly echoes of the first: report where the parser first gave up.
  const problems = errors.slice(0, 1).map((e) => ({
    message: `Not valid JSON (${printParseErrorCode(e.error)}): Kafka Connect rejects the connector config.`,
    range: { start: Math.min(e.offset, text.length), end: Math.min(text.length, e.offset + Math.max(1, e.length)) },
  }));
  const map = configMap(root);
  const className = map && stringProperty(map, 'connector.class');
  const connector = (className ? CONNECTOR.exec(className.value.trim())?.[1] : undefined) as MirrorConnector | undefined;
  const sourceAlias = map && stringProperty(map, 'source.cluster.alias');
  const targetAlias = map && stringProperty(map, 'target.cluster.alias');
  // MirrorConnectorConfig: source.cluster.alias has no default, target.cluster.alias defaults to `target`.
  const source = sourceAlias?.value ?? '';
  const target = targetAlias?.value ?? 'target';
  const id = flowId(source, target);

  const propertyEntries: PropertyEntry[] = [];
  const entries: ConfigEntry[] = [];
  const byKey = new Map<string, ConfigEntry>();
  const settings = new Map<string, ConfigEntry>();
  for (const property of map?.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || valueNode.type === 'null') continue;
    const key = String(keyNode.value);
    const value = valueNode.type === 'string' ? (valueNode.value as string) : valueNode.type === 'object' || valueNode.type === 'array' ? text.slice(valueNode.offset, valueNode.offset + valueNode.length) : String(valueNode.value);
    const entry: PropertyEntry = {
      key,
      value,
      keyRange: innerRange(keyNode),
      valueRange: innerRange(valueNode),
      lineRange: { start: property.offset, end: property.offset + property.length },
      keyOffsets: offsetsFor(text, keyNode, key),
      valueOffsets: valueNode.type === 'string' ? offsetsFor(text, valueNode, value) : OffsetMap.linear(valueNode.offset, value.length + 1),
    };
    propertyEntries.push(entry);
    const configEntry = flowSetting(entry, source, target);
    const previous = settings.get(key);
    if (previous) Object.assign(previous, { overridden: true, overriddenBy: configEntry });
    settings.set(key, configEntry);
    byKey.set(`${id}.${key}`, configEntry);
    entries.push(configEntry);
  }

  const effective = (_flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue => settingOrDefault(settings, property);
  const enabledEntry = settings.get('enabled');
  // A Connect-mode connector replicates unless `enabled` is false (its ConfigDef default is true).
  const replicates = connector === 'MirrorSourceConnector' && sourceAlias !== undefined && enabledEntry?.entry.value.trim().toLowerCase() !== 'false';
  const flows: Flow[] = sourceAlias
    ? [{ id, source, target, enabled: replicates, enabledReason: replicates ? `${connector} from ${source} to ${target}` : `${connector ?? 'the connector'} does not replicate topics`, enabledBy: replicates ? entries.find((e) => e.entry.key === 'connector.class') : undefined }]
    : [];
  const document: PropertiesDocument = { text, entries: propertyEntries, comments: [], problems: [] };
  const aliasRange = (alias: { node: Node } | undefined): OffsetRange => (alias ? innerRange(alias.node) : { start: 0, end: 0 });
  const config: Mm2Config = {
    document,
    clusters: sourceAlias ? [{ alias: source, range: aliasRange(sourceAlias) }, { alias: target, range: aliasRange(targetAlias) }] : [],
    entries,
    flows,
    byKey,
    lineBreak: /\r\n/.test(text) ? '\r\n' : '\n',
    format: 'connect-json',
    connector,
    bootstrapServers: (alias) => (alias === source ? settings.get('source.cluster.bootstrap.servers') : alias === target ? settings.get('target.cluster.bootstrap.servers') : undefined)?.entry.value,
    keyPrefix: () => '',
    effective,
  };
  return { config, connector, problems };
}
