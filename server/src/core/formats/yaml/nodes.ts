import { isMap, isNode, isPair, isScalar, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../base/range';
import { documentValue, MAX_ALIAS_COUNT } from './plainValue';
import { nodeRevision } from './revisions';
import { movedTo, type Kept } from './documentFacts';

/** A key of a YAML map, with the ranges of its key and value. */
export interface FieldFact {
  name: string;
  value: string;
  keyRange: OffsetRange;
  valueRange: OffsetRange;
}

/**
 * The range of a scalar's text, inside its quotes. The YAML parser takes the last character of an
 * unterminated quoted scalar for its closing quote (its value is what lies between); a lone opening
 * quote at the end of the text is an empty value right after it.
 */
export function scalarRange(node: YamlNode): OffsetRange {
  const [start, end] = node.range ?? [0, 0, 0];
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return quoted ? { start: start + 1, end: Math.max(start + 1, end - 1) } : { start, end };
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

/** A map's entry for `key`: its pair, and as a fact (made when asked for: most callers want one of the two). */
export function child(node: unknown, key: string): { pair?: Pair; readonly fact?: FieldFact } {
  const pair = pairs(node).find((p) => isScalar(p.key) && (p.key as Scalar).value === key);
  return {
    pair,
    get fact() {
      return pair ? field(pair) : undefined;
    },
  };
}

const ENTRY_READS = new WeakMap<object, Kept<unknown> & { read: (entry: never) => unknown }>();

/**
 * What `read` gives for one entry of a collection (a pair, or a sequence's item), taken again while
 * nothing in the entry was replaced (`nodeRevision`), moved in place when text before it changed
 * length (as documentFacts moves a document's): a keystroke in one entry of a 10,000-topic list
 * reads that entry again, and the others stay the same objects, which is what rules keep their
 * results by (EntryMemo). `read` may look at the entry only, and its result is shared: nobody may
 * change it, nor copy its offsets into anything kept by entry.
 */
export function readEntry<E, T>(entry: E, read: (entry: E) => T): T {
  if (!entry || typeof entry !== 'object') return read(entry);
  const start = entryStart(entry);
  if (start === undefined) return read(entry);
  const revision = nodeRevision(entry);
  const kept = ENTRY_READS.get(entry);
  if (kept && kept.revision === revision && kept.read === read) return movedTo(kept, start) as T;
  const facts = read(entry);
  ENTRY_READS.set(entry, { start, revision, read: read as (entry: never) => unknown, facts });
  return facts;
}

function entryStart(entry: object): number | undefined {
  if (isPair(entry)) return (isNode(entry.key) ? entry.key.range?.[0] : undefined) ?? (isNode(entry.value) ? entry.value.range?.[0] : undefined);
  return isNode(entry) ? entry.range?.[0] : undefined;
}

/** Problems the YAML parser found in a document, and aliases it cannot expand, as ranges in the file. */
/** Reported syntax errors per document: after the first few, the rest are mostly echoes of them. */
const MAX_SYNTAX_PROBLEMS = 100;

export function yamlProblems(document: Document, text: string): { message: string; range: OffsetRange }[] {
  const errors = document.errors ?? [];
  const problems = errors.slice(0, MAX_SYNTAX_PROBLEMS).map((error) => {
    const start = Math.min(error.pos[0], text.length);
    return { message: `Not valid YAML: ${error.message.split('\n')[0]}`, range: { start, end: Math.min(text.length, Math.max(error.pos[1], start + 1)) } };
  });
  if (errors.length > MAX_SYNTAX_PROBLEMS) {
    const last = problems[problems.length - 1].range;
    problems.push({ message: `Not valid YAML: ${errors.length - MAX_SYNTAX_PROBLEMS} more errors after this one are not shown.`, range: last });
  }
  if (problems.length === 0) {
    const { problem } = documentValue(document);
    const [start, end] = document.range ?? [0, 0];
    if (problem) problems.push({ message: `Not analysed: ${problem.replace(/^Excessive alias count indicates a resource exhaustion attack/, `its aliases expand to more than ${MAX_ALIAS_COUNT} copies`)}`, range: { start: Math.min(start, text.length), end: Math.min(text.length, Math.max(start + 1, Math.min(end, start + 1))) } });
  }
  return problems;
}
