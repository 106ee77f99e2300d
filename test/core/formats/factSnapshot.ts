import { isDocument, isNode, isPair } from 'yaml';
import { OffsetMap } from '../../../server/src/core/base/offsetMap';

/** Facts as plain data: YAML nodes by their positions, offset maps by their offsets, functions left out. */
export function snapshot(value: unknown, path: Set<object> = new Set()): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (isDocument(value)) return { document: value.range };
  if (isPair(value)) return { pair: [snapshot(value.key, path), snapshot(value.value, path)] };
  if (isNode(value)) return { node: value.range };
  if (value instanceof OffsetMap) return { offsets: Array.from({ length: value.length }, (_, i) => value.at(i)) };
  if (path.has(value)) return '[cycle]';
  path.add(value);
  const result =
    value instanceof Map
      ? [...value].map(([k, v]) => [snapshot(k, path), snapshot(v, path)])
      : Array.isArray(value)
        ? value.map((v) => snapshot(v, path))
        : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v, path)]));
  path.delete(value);
  return result;
}

