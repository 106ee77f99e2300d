import { isAlias, isNode, isPair, isScalar, YAMLMap, YAMLSeq, type Document, type Pair } from 'yaml';
import { documentRevision, nodeRevision } from './revisions';

/** How many aliases a document may expand into its value: a few hundred serve real files, a billion-laughs bomb needs many more. */
export const MAX_ALIAS_COUNT = 200;

const VALUES = new WeakMap<Document, { revision: number; found: { value?: unknown; problem?: string } }>();
/** Documents with aliases (or what else only yaml's own toJS converts): converted whole every time. */
const NOT_PLAIN = new WeakSet<Document>();

/** A document's plain value, with its aliases expanded within a bound; the problem when they cannot be. */
export function documentValue(document: Document): { value?: unknown; problem?: string } {
  const revision = documentRevision(document);
  const kept = VALUES.get(document);
  if (kept?.revision === revision) return kept.found;
  let found: { value?: unknown; problem?: string } | undefined;
  if (!NOT_PLAIN.has(document)) {
    const value = plainOf(document.contents);
    if (value === NOT_PLAIN_VALUE) NOT_PLAIN.add(document);
    else found = { value };
  }
  if (!found) {
    try {
      found = { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    } catch (error) {
      found = { problem: (error as Error).message.split('\n')[0].replace(/\s*Please report it\.?$/, '') };
    }
  }
  VALUES.set(document, { revision, found });
  return found;
}

const NOT_PLAIN_VALUE = Symbol('not plain');

/** Plain values of collections, valid while the collection's revision is the one they were made at. */
const PLAIN = new WeakMap<object, { revision: number; value: unknown }>();

/**
 * What yaml's `toJS()` gives for a node (plain objects, arrays and scalar values), with the values
 * of collections that no line patch changed taken from the last conversion: a keystroke in a
 * 10,000-topic file converts the collections on its line, not the whole document. Aliases, merge
 * keys, complex keys and tagged collections (`!!set`, `!!omap`) are yaml's own to convert: for
 * those NOT_PLAIN_VALUE. The values are shared between conversions: nobody may change them.
 */
function plainOf(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (!isNode(node) && !isPair(node)) return node;
  if (isAlias(node)) return NOT_PLAIN_VALUE;
  const kept = PLAIN.get(node);
  const revision = nodeRevision(node);
  if (kept && kept.revision === revision) return kept.value;
  let value: unknown;
  if (isPair(node)) value = addPair({}, node);
  else if (node.constructor === YAMLMap) {
    const map: Record<string, unknown> = {};
    for (const pair of (node as YAMLMap).items) if (addPair(map, pair) === NOT_PLAIN_VALUE) return NOT_PLAIN_VALUE;
    value = map;
  } else if (node.constructor === YAMLSeq) {
    const seq: unknown[] = [];
    for (const item of (node as YAMLSeq).items) {
      const plain = plainOf(item);
      if (plain === NOT_PLAIN_VALUE) return NOT_PLAIN_VALUE;
      seq.push(plain);
    }
    value = seq;
  } else return NOT_PLAIN_VALUE;
  if (value === NOT_PLAIN_VALUE) return value;
  PLAIN.set(node, { revision, value });
  return value;
}

/** yaml's addPairToJSMap for a plain map and a scalar (or absent) key. */
function addPair(map: Record<string, unknown>, { key, value }: Pair): unknown {
  if (isNode(key) && !isScalar(key)) return NOT_PLAIN_VALUE;
  const jsKey = isScalar(key) ? key.value : key;
  // A merge key is `<<` (YAML 1.2 with the merge option) or a symbol (YAML 1.1); objects are keys yaml stringifies.
  if (jsKey === '<<' || (jsKey !== null && typeof jsKey !== 'string' && typeof jsKey !== 'number' && typeof jsKey !== 'boolean')) return NOT_PLAIN_VALUE;
  const stringKey = jsKey === null ? '' : String(jsKey);
  const plain = plainOf(value);
  if (plain === NOT_PLAIN_VALUE) return plain;
  if (stringKey in map) Object.defineProperty(map, stringKey, { value: plain, writable: true, enumerable: true, configurable: true });
  else map[stringKey] = plain;
  return map;
}
