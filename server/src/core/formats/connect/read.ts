import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { OffsetMap } from '../../base/offsetMap';
import type { OffsetRange } from '../../base/range';
import { lookupProperty, propertyInfo } from '../../mm2/catalog';
import { flowId } from '../../mm2/keys';
import { configFalse } from '../../mm2/lists';
import type { AliasOccurrence, ConnectorRole, EffectiveValue, FileFacts, Flow, Mm2Facts, Setting } from '../facts';
import { lineBreakOf } from '../text';
import { connectWriter } from './write';

/**
 * Kafka Connect JSON for the Mirror connectors — the REST body `{"name", "config": {…}}` or the bare
 * config map: one connector of the pair `<source.cluster.alias> -> <target.cluster.alias>` whose
 * settings are the config keys, written without prefix.
 */
export type MirrorConnector = 'MirrorSourceConnector' | 'MirrorCheckpointConnector' | 'MirrorHeartbeatConnector';

const CONNECTOR = /(?:^|\.)(Mirror(?:Source|Checkpoint|Heartbeat)Connector)$/;
const ROLES: Record<MirrorConnector, ConnectorRole> = { MirrorSourceConnector: 'source', MirrorCheckpointConnector: 'checkpoint', MirrorHeartbeatConnector: 'heartbeat' };

/** The config object of a REST body, or the bare map itself. */
export function configMap(root: Node | undefined): Node | undefined {
  if (root?.type !== 'object') return undefined;
  const config = root.children?.find((p) => p.children?.[0]?.value === 'config')?.children?.[1];
  return config?.type === 'object' ? config : root;
}

function stringProperty(map: Node | undefined, key: string): { value: string; node: Node } | undefined {
  const node = map?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  return node && node.type === 'string' ? { value: node.value as string, node } : undefined;
}

/** Deeper than this, jsonc-parser's recursion runs out of stack (and its editor takes seconds): no connector config is. */
const MAX_JSON_DEPTH = 200;

/** Where the text nests arrays and objects deeper than MAX_JSON_DEPTH, outside strings; -1 when it does not. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // a backslash escapes the next character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return -1;
}

/** jsonc-parser's tree, unless the text nests too deeply for it. */
function parseJson(text: string, errors: ParseError[]): { root?: Node; tooDeep?: number } {
  const deep = tooDeepAt(text);
  return deep >= 0 ? { tooDeep: deep } : { root: parseTree(text, errors, { allowTrailingComma: true }) };
}

/** The Mirror connector a JSON text configures, or undefined. Cheap enough to call on any `.json` file. */
export function mirrorConnectorOf(text: string): MirrorConnector | undefined {
  if (!text.includes('Mirror')) return undefined;
  const { root, tooDeep } = parseJson(text, []);
  // Too deep to parse: still a Mirror connector's file if it says so, and the reader reports why it is not analysed.
  if (tooDeep !== undefined) return /"connector\.class"\s*:\s*"[^"]*?(Mirror(?:Source|Checkpoint|Heartbeat)Connector)"/.exec(text)?.[1] as MirrorConnector | undefined;
  const className = stringProperty(configMap(root), 'connector.class');
  return (className ? (CONNECTOR.exec(className.value.trim())?.[1] as MirrorConnector | undefined) : undefined) ?? undefined;
}

/** The range of a JSON value's text: inside the quotes for strings (an unterminated string runs to its node's end). */
export function innerRange(node: Node, text: string): OffsetRange {
  if (node.type !== 'string') return { start: node.offset, end: node.offset + node.length };
  const last = node.offset + node.length - 1;
  let escapes = 0;
  while (last - 1 - escapes > node.offset && text[last - 1 - escapes] === '\\') escapes++;
  const closed = node.length >= 2 && text[last] === '"' && escapes % 2 === 0;
  return { start: node.offset + 1, end: closed ? last : node.offset + node.length };
}

function offsetsFor(text: string, node: Node, decoded: string): OffsetMap {
  const range = innerRange(node, text);
  // Escaped JSON strings do not map one to one; point every character at the start then.
  return text.slice(range.start, range.end) === decoded ? OffsetMap.linear(range.start, decoded.length + 1) : OffsetMap.constant(range.start, decoded.length + 1);
}

export function readConnectJson(uri: string, text: string): FileFacts {
  const errors: ParseError[] = [];
  const { root, tooDeep } = parseJson(text, errors);
  // Later errors are mostly echoes of the first: report where the parser first gave up.
  const problems = errors.slice(0, 1).map((e) => ({
    message: `Not valid JSON (${printParseErrorCode(e.error)}): Kafka Connect rejects the connector config.`,
    range: { start: Math.min(e.offset, text.length), end: Math.min(text.length, e.offset + Math.max(1, e.length)) },
  }));
  if (tooDeep !== undefined) problems.push({ message: `Not analysed: arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep here.`, range: { start: tooDeep, end: tooDeep + 1 } });
  const map = configMap(root);
  const className = stringProperty(map, 'connector.class');
  const connector = (className ? CONNECTOR.exec(className.value.trim())?.[1] : undefined) as MirrorConnector | undefined;
  const sourceAlias = stringProperty(map, 'source.cluster.alias');
  const targetAlias = stringProperty(map, 'target.cluster.alias');
  // MirrorConnectorConfig: source.cluster.alias has no default, target.cluster.alias defaults to `target`.
  const source = sourceAlias?.value ?? '';
  const target = targetAlias?.value ?? 'target';
  const id = flowId(source, target);
  const name = root?.type === 'object' && map !== root ? stringProperty(root, 'name')?.value : undefined;

  const settings: Setting[] = [];
  const byProperty = new Map<string, Setting>();
  const byKey = new Map<string, Setting>();
  const nodes = new Map<Setting, { property: Node; value: Node }>();
  for (const property of map?.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || valueNode.type === 'null') continue;
    const key = String(keyNode.value);
    const value = valueNode.type === 'string' ? (valueNode.value as string) : valueNode.type === 'object' || valueNode.type === 'array' ? text.slice(valueNode.offset, valueNode.offset + valueNode.length) : String(valueNode.value);
    const setting: Setting = {
      key,
      value,
      keyRange: innerRange(keyNode, text),
      valueRange: innerRange(valueNode, text),
      span: { start: property.offset, end: property.offset + property.length },
      keyOffsets: offsetsFor(text, keyNode, key),
      valueOffsets: valueNode.type === 'string' ? offsetsFor(text, valueNode, value) : OffsetMap.linear(valueNode.offset, value.length + 1),
      shape: { scope: 'flow', source, target, sourceSpan: { start: 0, end: 0 }, targetSpan: { start: 0, end: 0 }, property: key, propertyStart: 0 },
      lookup: lookupProperty(key, 'flow'),
      overridden: false,
    };
    nodes.set(setting, { property, value: valueNode });
    const previous = byProperty.get(key);
    if (previous) Object.assign(previous, { overridden: true, overriddenBy: setting });
    byProperty.set(key, setting);
    byKey.set(`${id}.${key}`, setting);
    settings.push(setting);
  }

  const effective = (_flow: Pick<Flow, 'source' | 'target'>, property: string): EffectiveValue => {
    const setting = byProperty.get(property);
    if (setting) return { value: setting.value, origin: 'flow', setting };
    // The connector's own ConfigDef: `enabled` defaults to true in Connect mode.
    return { value: property === 'enabled' ? 'true' : propertyInfo(property)?.defaultValue, origin: 'default' };
  };
  const role = connector ? ROLES[connector] : undefined;
  const anchor = className ? settings.find((s) => s.key === 'connector.class') : undefined;
  // A Connect-mode source connector replicates unless `enabled` is false.
  const replicates = role === 'source' && sourceAlias !== undefined && !configFalse(byProperty.get('enabled')?.value);
  const flows: Flow[] = sourceAlias
    ? [{
        id,
        source,
        target,
        enabled: replicates,
        enabledReason: replicates ? `${connector} from ${source} to ${target}` : `${connector ?? 'the connector'} does not replicate topics`,
        enabledBy: replicates ? anchor : undefined,
        connectors: role ? { [role]: { role, value: (property: string) => effective({ source, target }, property), anchor } } : {},
      }]
    : [];
  const aliasOccurrences: AliasOccurrence[] = [sourceAlias, targetAlias].flatMap((alias) => (alias ? [{ alias: alias.value, range: innerRange(alias.node, text), isDeclaration: true }] : []));
  const mm2: Mm2Facts = {
    mode: 'connect',
    clusters: sourceAlias ? [{ alias: source, range: innerRange(sourceAlias.node, text) }, { alias: target, range: targetAlias ? innerRange(targetAlias.node, text) : { start: 0, end: 0 } }] : [],
    settings,
    byKey,
    flows,
    aliasOccurrences,
    bootstrapServers: (alias) => (alias === source ? byProperty.get('source.cluster.bootstrap.servers') : alias === target ? byProperty.get('target.cluster.bootstrap.servers') : undefined)?.value,
    keyPrefix: () => '',
    effective,
    connector: role && className ? { role, className: className.value.trim(), name } : undefined,
  };
  const lineBreak = lineBreakOf(text);
  return { uri, text, syntax: 'json', kind: 'connect-json', lineBreak, problems, comments: [], mm2, writer: connectWriter(text, root, map, nodes, flows[0]) };
}
