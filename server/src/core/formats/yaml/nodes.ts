import { isMap, isScalar, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../base/range';

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

/** How many aliases a document may expand into its value: a few hundred serve real files, a billion-laughs bomb needs many more. */
const MAX_ALIAS_COUNT = 200;
const VALUES = new WeakMap<Document, { value?: unknown; problem?: string }>();

/** A document's plain value, with its aliases expanded within a bound; the problem when they cannot be. */
export function documentValue(document: Document): { value?: unknown; problem?: string } {
  let found = VALUES.get(document);
  if (!found) {
    try {
      found = { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    } catch (error) {
      found = { problem: (error as Error).message.split('\n')[0].replace(/\s*Please report it\.?$/, '') };
    }
    VALUES.set(document, found);
  }
  return found;
}

const REVISIONS = new WeakMap<Document, number>();

/**
 * How many times a document was changed in place (see documents.ts): what was read from it at an
 * earlier revision is stale. Moving a document does not count; its positions tell that.
 */
export function documentRevision(document: Document): number {
  return REVISIONS.get(document) ?? 0;
}

/** Records that a document was changed in place, and drops what documentValue knows of it. */
export function documentChanged(document: Document): void {
  VALUES.delete(document);
  REVISIONS.set(document, documentRevision(document) + 1);
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
