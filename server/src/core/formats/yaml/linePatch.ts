import { Composer, Parser, isCollection, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { documentRevision, nodesChanged } from './revisions';

// Typing changes one line. In a long document (a declaration file of 50,000 topics is one), the
// parser's work is the whole document's; when the line is a comment, or one entry of a block map
// or sequence written on that line alone, the document the parser would build differs from the
// previous one only in that entry (or comment) and in the positions after it. Both are patched in
// place, under conditions that make the result the parser's own (test/core/formats/yamlDocuments).

const OPTIONS = { uniqueKeys: false, logLevel: 'error' } as const;

/** Characters whose meaning reaches past the line (anchors, aliases, tags, block scalars, directives, comments in an entry) or that the parser treats specially. */
const UNSAFE_IN_ENTRY = /[&*!|>%#@`\t]|(^|[\s{[,])\?(\s|$)/;

export interface LineEdit {
  /** Where the line starts, in both versions (nothing before it changed). */
  lineStart: number;
  oldLine: string;
  newLine: string;
}

/**
 * The one line an edit changed, when nothing else did: the common prefix and suffix of the two texts
 * leave a differing stretch without a line break on either side.
 */
export function singleLineEdit(oldText: string, newText: string): LineEdit | undefined {
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  if (prefix === oldText.length && prefix === newText.length) return undefined;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const oldChanged = oldText.slice(prefix, oldText.length - suffix);
  const newChanged = newText.slice(prefix, newText.length - suffix);
  if (/[\r\n]/.test(oldChanged) || /[\r\n]/.test(newChanged)) return undefined;
  const lineStart = oldText.lastIndexOf('\n', prefix - 1) + 1;
  const lineEnd = (text: string, from: number) => {
    const end = text.indexOf('\n', from);
    return end < 0 ? text.length : end;
  };
  const oldLine = oldText.slice(lineStart, lineEnd(oldText, oldText.length - suffix));
  const newLine = newText.slice(lineStart, lineEnd(newText, newText.length - suffix));
  if (/\r/.test(oldLine) || /\r/.test(newLine)) return undefined;
  return { lineStart, oldLine, newLine };
}

/** A comment as the composer records it: the text after `#`, a space when there is none. */
const commentText = (line: string): string => line.trimStart().slice(1) || ' ';
const indentOf = (line: string): number => line.length - line.trimStart().length;
const isComment = (line: string): boolean => /^ *#/.test(line);

/**
 * Patches `document` (parsed from `oldText`, positions counted from `base`) for the one-line edit,
 * in place; false, with the document untouched, when the edit is not one the patch can reproduce.
 */
export function patchDocument(document: Document.Parsed, edit: LineEdit, newText: string, base: number): boolean {
  if (document.errors.length || document.warnings.length) return false;
  const { lineStart, oldLine, newLine } = edit;
  const delta = newLine.length - oldLine.length;
  const oldEnd = base + lineStart + oldLine.length;
  // Both lines comments: the tree keeps its shape; only the comment's text and later positions change.
  // (Its indentation decides which node a comment line is attached to: it must stay.)
  if (isComment(oldLine) && isComment(newLine) && indentOf(oldLine) === indentOf(newLine)) {
    // A `#` line inside a block scalar or a flow collection is not a comment of the tree; trailing
    // blanks are the lexer's to keep or drop.
    if (/\s$/.test(oldLine) || /\s$/.test(newLine) || insideInline(document.contents, base + lineStart)) return false;
    if (!replaceComment(document, commentText(oldLine), commentText(newLine))) return false;
    markChanged(document.contents, base + lineStart, oldEnd);
    shiftPositions(document, oldEnd, delta);
    return true;
  }
  const indent = indentOf(oldLine);
  if (indent === 0 || indentOf(newLine) !== indent || isComment(oldLine) || isComment(newLine)) return false;
  if (UNSAFE_IN_ENTRY.test(oldLine) || UNSAFE_IN_ENTRY.test(newLine)) return false;
  // The line after must be another entry of the same or an outer level, or none: a more indented
  // one would continue this entry in context, and blank or comment lines would end it later.
  const lineEnd = lineStart + newLine.length;
  const next = lineEnd < newText.length ? newText.slice(lineEnd + 1, (newText.indexOf('\n', lineEnd + 1) + 1 || newText.length + 1) - 1) : undefined;
  if (next !== undefined && (next.trim() === '' || isComment(next) || indentOf(next) > indent)) return false;
  const marker = /^-[ ]+/.exec(oldLine.slice(indent))?.[0].length ?? 0;
  const found = entryOnLine(document.contents, base + lineStart + indent, marker, oldEnd);
  if (!found) return false;
  // The line break is part of the entry's last node, as in context.
  const replacement = parseEntry(newLine.slice(indent), next === undefined ? '' : '\n', base + lineStart + indent, isSeq(found.collection));
  if (!replacement) return false;
  const { collection, index } = found;
  const old = collection.items[index] as YamlNode | Pair;
  // The collections around the entry end where its last node ends: with a value, after the line
  // break; without one (`key:`), before it. When that changes, their ends do not simply move.
  if (nodeEnd(replacement) !== nodeEnd(old)! + delta) return false;
  keepTrivia(old, replacement);
  markChanged(document.contents, base + lineStart, oldEnd);
  shiftPositions(document, oldEnd, delta);
  (collection.items as unknown[])[index] = replacement;
  return true;
}

/**
 * The item of a block collection that the line holds whole (a map's pair from its key, a sequence's
 * item after the `- ` marker), with its collection.
 */
function entryOnLine(node: unknown, lineContent: number, marker: number, lineEnd: number): { collection: Extract<YamlNode, { items: unknown[] }>; index: number } | undefined {
  for (let current = node; isCollection(current) && !current.flow; ) {
    const items = current.items as unknown[];
    const start = isSeq(current) ? lineContent + marker : lineContent;
    let next: unknown;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const [from, to] = extent(item);
      if (from === undefined || to === undefined || to <= lineContent) continue;
      if (from > start) return undefined;
      if (from === start) return to <= lineEnd && !blockValue(item) && (isSeq(current) ? marker > 0 : marker === 0) ? { collection: current as never, index } : undefined;
      next = isPair(item) ? item.value : item;
      break;
    }
    current = next;
  }
  return undefined;
}

/** Where an item starts and where its value ends. */
function extent(item: unknown): [number | undefined, number | undefined] {
  if (isPair(item)) {
    const key = isNode(item.key) ? item.key.range : undefined;
    const value = isNode(item.value) ? item.value.range : undefined;
    return [key?.[0], value?.[1] ?? key?.[1]];
  }
  return isNode(item) ? [item.range?.[0], item.range?.[1]] : [undefined, undefined];
}

/** Where an item's last node ends, its line break included when it has one. */
function nodeEnd(item: unknown): number | undefined {
  const last = isPair(item) ? (isNode(item.value) ? item.value : item.key) : item;
  return isNode(last) ? last.range?.[2] : undefined;
}

const blockValue = (item: unknown): boolean => {
  const value = isPair(item) ? item.value : item;
  return (isCollection(value) && !value.flow) || (isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED'));
};

/** The entry as the parser reads it on its own line: one pair of a block map, or one item of a block sequence. */
function parseEntry(text: string, lineBreak: string, offset: number, inSequence: boolean): YamlNode | Pair | undefined {
  if (inSequence !== /^-( |$)/.test(text)) return undefined;
  const parser = new Parser();
  parser.offset = offset;
  const documents = Array.from(new Composer(OPTIONS).compose(parser.parse(text + lineBreak))) as Document.Parsed[];
  if (documents.length !== 1) return undefined;
  const [document] = documents;
  const contents = document.contents;
  if (document.errors.length || document.warnings.length || !isCollection(contents) || contents.flow) return undefined;
  if ((inSequence ? !isSeq(contents) : !isMap(contents)) || contents.items.length !== 1) return undefined;
  const item = contents.items[0] as YamlNode | Pair;
  if (blockValue(item)) return undefined;
  const [, end] = extent(item);
  return end === offset + text.trimEnd().length ? item : undefined;
}

type Trivia = { spaceBefore?: boolean; commentBefore?: string | null; comment?: string | null };
const TRIVIA = ['spaceBefore', 'commentBefore', 'comment'] as const;

/**
 * What the lines around an entry leave on it — a blank line or comment lines before it, comment
 * lines after it — did not change: the new entry carries them as the old one did.
 */
function keepTrivia(old: YamlNode | Pair, replacement: YamlNode | Pair): void {
  const parts = (item: YamlNode | Pair): (Trivia | null)[] => (isPair(item) ? [item.key as Trivia | null, item.value as Trivia | null] : [item as Trivia]);
  const from = parts(old);
  const to = parts(replacement);
  from.forEach((part, i) => {
    const target = to[i];
    if (!part || !target) return;
    for (const field of TRIVIA) if (part[field] !== undefined) (target as Record<string, unknown>)[field] = part[field];
  });
}

/**
 * Records that every collection and pair whose extent meets the edited line `[from, to]` changed
 * (nodeRevision): what a reader kept of one of them is stale, even where its start did not move.
 */
function markChanged(node: unknown, from: number, to: number): void {
  // An item ends after its line break: one that ends where the line starts lies before it.
  const meets = (item: unknown): boolean => {
    const [start] = extent(item);
    const end = nodeEnd(item);
    return end !== undefined && end > from && (start === undefined || start <= to);
  };
  if (!isCollection(node) || !meets(node)) return;
  nodesChanged([node]);
  for (const item of node.items as unknown[]) {
    if (!item || typeof item !== 'object' || !meets(item)) continue;
    nodesChanged([item]);
    markChanged(isPair(item) ? item.value : item, from, to);
  }
}

/** Whether `offset` lies inside a scalar or a flow collection (which may span lines). */
function insideInline(node: unknown, offset: number): boolean {
  if (isPair(node)) return insideInline(node.key, offset) || insideInline(node.value, offset);
  if (!isNode(node) || !node.range) return false;
  const [start, end] = node.range;
  if (offset < start || offset >= end) return false;
  if (isScalar(node) || (isCollection(node) && node.flow)) return true;
  return isCollection(node) && node.items.some((item) => insideInline(item, offset));
}

/**
 * Every position at or after `from` moves by `delta`, in place: later nodes, the ends of those that
 * enclose `from`, the document's range and its problems. (`from` = 0 moves a whole document.)
 */
/** Calls `each` with every position array of a document: its nodes' ranges, its problems' positions. */
function forEachPositionArray(document: Document.Parsed, each: (range: number[]) => void): void {
  const add = (range: number[] | undefined | null): void => {
    if (range) each(range);
  };
  const visit = (node: unknown): void => {
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    } else if (isNode(node)) {
      add(node.range);
      if (isCollection(node)) for (const item of node.items) visit(item);
    }
  };
  add(document.range);
  for (const problem of [...document.errors, ...document.warnings]) add(problem.pos);
  visit(document.contents);
}

const POSITIONS = new WeakMap<Document, { revision: number; ranges: number[][] }>();

/** A document's position arrays, listed once per revision: an unchanged document is moved on every keystroke before it. */
function positionArrays(document: Document.Parsed): number[][] {
  const revision = documentRevision(document);
  const kept = POSITIONS.get(document);
  if (kept && kept.revision === revision) return kept.ranges;
  const ranges: number[][] = [];
  forEachPositionArray(document, (range) => ranges.push(range));
  POSITIONS.set(document, { revision, ranges });
  return ranges;
}

/** Moves every position of a document at or after `from` by `delta`, in place. */
export function shiftPositions(document: Document.Parsed, from: number, delta: number): void {
  if (delta === 0) return;
  const shift = (range: number[]): void => {
    for (let i = 0; i < range.length; i++) if (range[i] >= from) range[i] += delta;
  };
  // A whole document moving goes through its list; a patch changes the document (its revision) right
  // after, so a list made for it would serve once: the tree is walked instead.
  if (from <= document.range[0]) for (const range of positionArrays(document)) shift(range);
  else forEachPositionArray(document, shift);
}

/** Replaces the one comment line `before` by `after` where the parser attached it; false unless exactly one place holds it. */
function replaceComment(document: Document.Parsed, before: string, after: string): boolean {
  const holders: { owner: Record<string, unknown>; field: string; lines: string[]; index: number }[] = [];
  const look = (owner: unknown): void => {
    if (!owner || typeof owner !== 'object') return;
    for (const field of ['commentBefore', 'comment']) {
      const value = (owner as Record<string, unknown>)[field];
      if (typeof value !== 'string') continue;
      const lines = value.split('\n');
      lines.forEach((line, index) => {
        if (line === before) holders.push({ owner: owner as Record<string, unknown>, field, lines, index });
      });
    }
  };
  const visit = (node: unknown): void => {
    if (isPair(node)) {
      look(node);
      visit(node.key);
      visit(node.value);
    } else if (isNode(node)) {
      look(node);
      if (isCollection(node)) for (const item of node.items) visit(item);
    }
  };
  look(document);
  visit(document.contents);
  if (holders.length !== 1) return false;
  const [{ owner, field, lines, index }] = holders;
  lines[index] = after;
  owner[field] = lines.join('\n');
  return true;
}
