import { isMap, isScalar, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../base/range';

/** A key of a YAML map, with the ranges of its key and value. */
export interface FieldFact {
  name: string;
  value: string;
  keyRange: OffsetRange;
  valueRange: OffsetRange;
}

/** The range of a scalar's text, inside its quotes. */
export function scalarRange(node: YamlNode): OffsetRange {
  const [start, end] = node.range ?? [0, 0, 0];
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return quoted ? { start: start + 1, end: end - 1 } : { start, end };
}

export function field(pair: Pair): FieldFact | undefined {
  if (!isScalar(pair.key)) return undefined;
  const key = pair.key as Scalar;
  const value = pair.value as YamlNode | null;
  const text = value && isScalar(value) ? (value.value === null ? '' : String(value.value)) : '';
  const keyRange = scalarRange(key);
  return { name: String(key.value), value: text, keyRange, valueRange: value ? scalarRange(value) : { start: keyRange.end, end: keyRange.end } };
}

/** A scalar as written: `3.10` stays `3.10` where its value would be the number 3.1. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const source = (node as Scalar & { source?: unknown }).source;
  if (typeof node.value === 'number' && typeof source === 'string') return source;
  return node.value === null ? undefined : String(node.value);
}

export function pairs(node: unknown): Pair[] {
  return isMap(node) ? (node as YAMLMap).items : [];
}

export function child(node: unknown, key: string): { pair?: Pair; fact?: FieldFact } {
  const pair = pairs(node).find((p) => isScalar(p.key) && (p.key as Scalar).value === key);
  return { pair, fact: pair ? field(pair) : undefined };
}

/** Problems the YAML parser found in a document, as ranges in the file. */
export function yamlProblems(document: { errors?: { pos: [number, number]; message: string }[] }, text: string): { message: string; range: OffsetRange }[] {
  return (document.errors ?? []).map((error) => {
    const start = Math.min(error.pos[0], text.length);
    return { message: `Not valid YAML: ${error.message.split('\n')[0]}`, range: { start, end: Math.min(text.length, Math.max(error.pos[1], start + 1)) } };
  });
}
