import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../../base/finding';
import type { OffsetRange } from '../../base/range';
import type { Valued } from './declarationTypes';

/**
 * Edits that add to YAML without rewriting it: a new key or list item goes after the last one,
 * at its indentation, in the style (block or flow) the collection already uses, so comments and
 * formatting elsewhere in the file are untouched.
 */

/** A string as a YAML scalar: plain when it reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_./][A-Za-z0-9_.\-/]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n|~)$/i.test(value) && !/^\.([0-9]|inf$|nan$)/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A new value as YAML writes it: plain when it reads back as the same text (numbers and booleans too), else single-quoted (a regex's `\.` stays as written), else double-quoted. */
export function yamlValue(value: string): string {
  if (/^(true|false|-?\d+)$/.test(value)) return value;
  const plain = yamlScalar(value);
  if (plain === value) return value;
  return /[\r\n\t]/.test(value) ? JSON.stringify(value) : singleQuoted(value);
}

/**
 * A scalar written over an existing one at `range` (its text, inside any quotes): escaped for the
 * quotes around it, or, when it is plain, kept plain where that reads back the same and quoted otherwise.
 */
export function encodeAt(text: string, range: OffsetRange, value: string): TextEdit {
  const before = text[range.start - 1];
  const after = text[range.end];
  if (before === '"' && after === '"') return { range, newText: JSON.stringify(value).slice(1, -1) };
  if (before === "'" && after === "'") return { range, newText: value.replace(/'/g, "''") };
  const plainIsSafe = /^[A-Za-z0-9_.\-/:]*$/.test(value) && !/: |^[-?:,\[\]{}#&*!|>'"%@`]/.test(value);
  // A key or value written with nothing after its colon needs a blank before the new text.
  const lead = range.start === range.end && text[range.start - 1] === ':' ? ' ' : '';
  return { range, newText: `${lead}${plainIsSafe ? value : JSON.stringify(value)}` };
}

/** A scalar's range with its quotes, when it is quoted (value ranges are inside the quotes). */
export function withQuotes(text: string, range: OffsetRange): OffsetRange {
  const before = text[range.start - 1];
  const quoted = (before === '"' || before === "'") && text[range.end] === before;
  return quoted ? { start: range.start - 1, end: range.end + 1 } : range;
}

/** The source text of a declared value, with its quotes: copying `"604800000"` keeps it a string. */
export function rawValue(text: string, valued: Valued<unknown>): string {
  const { start, end } = withQuotes(text, valued.range);
  return text.slice(start, end);
}

/** `{a: 1, b: x}` from already-written values. */
export function flowMap(entries: [string, string][]): string {
  return `{${entries.map(([key, value]) => `${yamlScalar(key)}: ${value}`).join(', ')}}`;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Where a new line goes after a node: the end of the node's last line (before its line break). */
function endOfLine(text: string, end: number): number {
  let at = end > 0 && text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  if (at < 0) at = text.length;
  return at > 0 && text[at - 1] === '\r' ? at - 1 : at;
}

const nodeEnd = (node: unknown): number => (node as YamlNode).range?.[1] ?? 0;

/** Inserts `key: value` into a map. `blockValue` builds a multi-line value from the child indentation. */
export function insertPair(text: string, map: YAMLMap, key: string, value: string | ((childIndent: string) => string), eol: string): TextEdit {
  const [start, end] = map.range ?? [0, 0];
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    const written = typeof value === 'string' ? value : value('');
    const closing = text.lastIndexOf('}', end);
    if (!last) return { range: { start: closing, end: closing }, newText: `${yamlScalar(key)}: ${written}` };
    const at = nodeEnd(last.value ?? last.key);
    return { range: { start: at, end: at }, newText: `, ${yamlScalar(key)}: ${written}` };
  }
  const indent = ' '.repeat(columnOf(text, (map.items[0]?.key as YamlNode | undefined)?.range?.[0] ?? start));
  const written = typeof value === 'string' ? ` ${value}` : value(`${indent}  `);
  const at = endOfLine(text, last ? nodeEnd(last.value ?? last.key) : end);
  return { range: { start: at, end: at }, newText: `${eol}${indent}${yamlScalar(key)}:${written}` };
}

/** Appends items to a list, in one edit (several edits at one offset would apply in reverse). */
export function appendItems(text: string, seq: YAMLSeq, items: string[], eol: string): TextEdit {
  const [start, end] = seq.range ?? [0, 0];
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    const closing = text.lastIndexOf(']', end);
    if (!last) return { range: { start: closing, end: closing }, newText: items.join(', ') };
    const at = nodeEnd(last);
    return { range: { start: at, end: at }, newText: items.map((item) => `, ${item}`).join('') };
  }
  const indent = ' '.repeat(columnOf(text, start));
  const at = endOfLine(text, last ? nodeEnd(last) : end);
  return { range: { start: at, end: at }, newText: items.map((item) => `${eol}${indent}- ${item}`).join('') };
}

/** The end of a collection's last item (block collections' own ranges run past their line break). */
export function contentEnd(node: YAMLMap | YAMLSeq): number {
  if (node.flow || node.items.length === 0) return nodeEnd(node);
  const last: unknown = node.items[node.items.length - 1];
  const inner = isPair(last) ? (last.value ?? last.key) : last;
  return isMap(inner) || isSeq(inner) ? contentEnd(inner as YAMLMap | YAMLSeq) : nodeEnd(inner);
}

/** A Java regex as a single-quoted YAML scalar (no escapes but `''`, so `\.` stays as written). */
export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Sets `path` (e.g. `config` → `retention.ms`) below `map` to `value`: replaces an existing
 * scalar, or adds the missing keys as one pair (`config: {retention.ms: "1"}`).
 */
export function setIn(text: string, map: YAMLMap, path: string[], value: string, eol: string): TextEdit {
  const [head, ...rest] = path;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === head);
  const nested = (keys: string[]): string => (keys.length === 0 ? value : flowMap([[keys[0], nested(keys.slice(1))]]));
  if (!pair) return insertPair(text, map, head, nested(rest), eol);
  const node = pair.value as YamlNode | null;
  if (rest.length > 0 && isMap(node)) return setIn(text, node as YAMLMap, rest, value, eol);
  const [start, end] = node?.range ?? [nodeEnd(pair.key), nodeEnd(pair.key)];
  // `orders:` with no value: the value goes after the colon.
  if (!node || (isScalar(node) && node.value === null && start === end)) return { range: { start, end }, newText: ` ${nested(rest)}` };
  return { range: { start, end }, newText: nested(rest) };
}

/** Adds an entry to a top-level list or map of a section body (`schemas:`, `topics:`), creating it when absent. */
export function addToSection(text: string, body: YAMLMap, key: string, entry: { mapEntry?: [string, string]; item?: string }, eol: string): TextEdit {
  const pair = body.items.find((p) => isScalar(p.key) && p.key.value === key);
  const node = pair?.value;
  if (entry.item !== undefined && isSeq(node)) return appendItems(text, node as YAMLSeq, [entry.item], eol);
  if (entry.mapEntry && isMap(node)) return insertPair(text, node as YAMLMap, entry.mapEntry[0], entry.mapEntry[1], eol);
  if (pair) return setIn(text, body, [key], entry.item !== undefined ? `[${entry.item}]` : flowMap([entry.mapEntry!]), eol);
  if (body.flow) return insertPair(text, body, key, entry.item !== undefined ? `[${entry.item}]` : flowMap([entry.mapEntry!]), eol);
  const child = (indent: string): string =>
    entry.item !== undefined ? `${eol}${indent}- ${entry.item}` : `${eol}${indent}${yamlScalar(entry.mapEntry![0])}: ${entry.mapEntry![1]}`;
  return insertPair(text, body, key, child, eol);
}

/** Removes a pair from a map: its whole lines in block style, the pair and one comma in flow style. */
export function removePair(text: string, map: YAMLMap, pair: Pair): TextEdit {
  const key = pair.key as YamlNode;
  const start = key.range?.[0] ?? 0;
  const value = pair.value as YamlNode | null;
  const end = value?.range ? (isMap(value) || isSeq(value) ? contentEnd(value as YAMLMap | YAMLSeq) : value.range[1]) : (key.range?.[1] ?? start);
  if (map.flow) {
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) return { range: { start, end: end + after[0].length }, newText: '' };
    const before = /,\s*$/.exec(text.slice(0, start));
    return { range: { start: before ? start - before[0].length : start, end }, newText: '' };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const onlyBlanksBefore = /^[ \t]*(-[ \t]+)?$/.test(text.slice(lineStart, start));
  const lineEnd = text.indexOf('\n', end);
  const through = lineEnd < 0 ? text.length : lineEnd + 1;
  return onlyBlanksBefore && !/^[ \t]*-/.test(text.slice(lineStart, start)) ? { range: { start: lineStart, end: through }, newText: '' } : { range: { start, end }, newText: '' };
}
