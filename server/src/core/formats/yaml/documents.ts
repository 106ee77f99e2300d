import { Composer, Parser, parseDocument, type Document } from 'yaml';
import type { OffsetRange } from '../../base/range';
import { patchDocument, shiftPositions, singleLineEdit } from './linePatch';
import { documentChanged } from './revisions';

/** Deeper nesting than any configuration has; the YAML parser's work grows steeply beyond it. */
export const MAX_YAML_DEPTH = 200;

/**
 * The nesting of one line (`text` from `lineStart` to `end`): block indicators such as `- - -` at
 * its start and flow brackets, counted outside quotes, above the flow depth it starts at. Gives the
 * deepest it goes, the flow depth it leaves, whether it closes a bracket of an earlier line, and the
 * first offset deeper than `limit`, if any.
 */
function lineNesting(text: string, lineStart: number, end: number, flowBefore: number, limit: number): { deepest: number; flow: number; closesOuter: boolean; over?: number } {
  let flow = flowBefore;
  let closesOuter = false;
  let i = lineStart;
  let block = 0;
  let deepest = flow;
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i + 1 < end && (text[i] === '-' || text[i] === '?' || text[i] === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      deepest = Math.max(deepest, ++block + flow);
      if (deepest > limit) return { deepest, flow, closesOuter, over: i };
      i += 2;
    } else break;
  }
  let quote = '';
  for (; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') break;
    else if (c === '[' || c === '{') flow++;
    else if (c === ']' || c === '}') {
      if (flow === flowBefore) closesOuter = true;
      if (flow > 0) flow--;
    }
    deepest = Math.max(deepest, block + flow);
    if (deepest > limit) return { deepest, flow, closesOuter, over: i };
  }
  return { deepest, flow, closesOuter };
}

/**
 * The offset of the first line nesting more than MAX_YAML_DEPTH levels (block indicators such as
 * `- - -` and flow brackets, counted outside quotes), or undefined. A cheap scan run before the parser.
 */
export function tooDeepYaml(text: string): number | undefined {
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const line = lineNesting(text, lineStart, end, flow, MAX_YAML_DEPTH);
    if (line.over !== undefined) return line.over;
    flow = line.flow;
    lineStart = end + 1;
  }
  return undefined;
}

/**
 * Whether a text that passed tooDeepYaml still does with one line replaced, without scanning it
 * again: the new line goes no deeper than the old one did and leaves the same flow depth, so no
 * line nests deeper than before. Lines that close brackets opened before them are scanned in
 * context (the scan does not go below no bracket at all, so alone they would count otherwise).
 */
function noDeeperLine(oldLine: string, newLine: string): boolean {
  const before = lineNesting(oldLine, 0, oldLine.length, 0, Infinity);
  const after = lineNesting(newLine, 0, newLine.length, 0, Infinity);
  return !before.closesOuter && !after.closesOuter && after.deepest <= before.deepest && after.flow === before.flow;
}

const OPTIONS = { uniqueKeys: false, logLevel: 'error' } as const;

export interface YamlProblem {
  message: string;
  range: OffsetRange;
}

/** The problem reported instead of parsing a text nested too deeply to read: one character where it happens. */
function depthProblem(text: string, offset: number, base = 0): YamlProblem {
  const start = Math.min(offset, text.length);
  return { message: `Not analysed: this YAML nests more than ${MAX_YAML_DEPTH} levels deep here.`, range: { start: base + start, end: base + Math.min(text.length, start + 1) } };
}

/**
 * A stretch of a YAML stream from one `---` line to the next. YAML resets all parser state at a
 * document marker (no scalar, flow or block continues across it), so a stretch parses on its own to
 * the same documents as in the whole stream; an edit re-parses only the stretch it touches.
 */
export interface YamlChunk {
  start: number;
  /**
   * Its length; its text is read from the file's text when needed. (A slice kept here would keep the
   * whole text of the version that first parsed it alive, for as long as the chunk is taken over.)
   */
  length: number;
  /** Whether a `---` follows, which ends the stretch's last document differently from the end of the file. */
  followed: boolean;
  documents: Document.Parsed[];
  problem?: YamlProblem;
}

export interface ParsedYaml {
  documents: Document.Parsed[];
  problems: YamlProblem[];
  /** What the next version of the same file can take over (see parseYamlDocuments). */
  chunks: YamlChunk[];
}

/** Where a `---` document marker line starts; `%` directives bind to the next marker, so a stream with any is one chunk. */
function chunkStarts(text: string): number[] {
  if (/^%/m.test(text)) return [0];
  const starts = [0];
  for (const match of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (match.index > 0) starts.push(match.index);
  return starts;
}

/** The next stretch's marker, which the parser sees as it would in the whole stream; the empty document it starts is dropped. */
const LOOKAHEAD = '---';

function parseChunk(text: string, start: number, followed: boolean): YamlChunk {
  const deep = tooDeepYaml(text);
  if (deep !== undefined) return { start, length: text.length, followed, documents: [], problem: depthProblem(text, deep, start) };
  try {
    const parser = new Parser();
    // Positions in the whole file: the parser counts from its offset.
    parser.offset = start;
    const documents = Array.from(new Composer(OPTIONS).compose(parser.parse(followed ? text + LOOKAHEAD : text))) as Document.Parsed[];
    const end = start + text.length;
    if (followed && documents.length && documents[documents.length - 1].range[0] === end) documents.pop();
    return { start, length: text.length, followed, documents };
  } catch (error) {
    return { start, length: text.length, followed, documents: [], problem: { message: `Cannot read this YAML: ${(error as Error).message}`, range: { start, end: start } } };
  }
}

/** Moves a chunk's positions by `delta`, in place: `chunk` belongs to the file's previous version, which is not used again. */
function move(chunk: YamlChunk, start: number): YamlChunk {
  const delta = start - chunk.start;
  if (delta === 0) return chunk;
  for (const document of chunk.documents) shiftPositions(document, 0, delta);
  if (chunk.problem) chunk.problem = { ...chunk.problem, range: { start: chunk.problem.range.start + delta, end: chunk.problem.range.end + delta } };
  chunk.start = start;
  return chunk;
}

/** The same file's previous version: its text and the chunks it was parsed into. */
export interface PreviousYaml {
  text: string;
  chunks: readonly YamlChunk[];
}

/**
 * The YAML documents of a text, read once and shared by the Strimzi and declarations readers.
 * The chunks of the same file's previous version that are unchanged are taken over (moved in place
 * when text before them changed length) instead of parsed again.
 */
export function parseYamlDocuments(text: string, previous?: PreviousYaml): ParsedYaml {
  const reusable = new Map<string, YamlChunk[]>();
  const keyOf = (chunkText: string, followed: boolean) => (followed ? `${chunkText}${LOOKAHEAD}` : chunkText);
  for (const chunk of previous?.chunks ?? []) {
    const key = keyOf(previous!.text.slice(chunk.start, chunk.start + chunk.length), chunk.followed);
    const same = reusable.get(key);
    if (same) same.push(chunk);
    else reusable.set(key, [chunk]);
  }
  const starts = chunkStarts(text);
  const taken = new Set<YamlChunk>();
  const pieces = starts.map((start, i) => {
    const followed = i + 1 < starts.length;
    const chunkText = text.slice(start, followed ? starts[i + 1] : text.length);
    const same = reusable.get(keyOf(chunkText, followed))?.shift();
    if (same) taken.add(same);
    return { start, followed, chunkText, same };
  });
  // Patches second: a chunk patched in place must not be one that an unchanged stretch takes over
  // (a file holding the same document twice, one copy edited).
  const chunks = pieces.map(({ start, followed, chunkText, same }, i) =>
    same ? move(same, start) : (previous && patched(previous, i, chunkText, start, followed, taken)) || parseChunk(chunkText, start, followed),
  );
  return {
    documents: chunks.flatMap((c) => c.documents),
    problems: chunks.flatMap((c) => (c.problem ? [c.problem] : [])),
    chunks,
  };
}

/**
 * The previous version's chunk at the same place, its one document patched in place for the one
 * line this edit changed in it (see linePatch.ts), when the patch can reproduce the parse.
 */
function patched(previous: PreviousYaml, index: number, chunkText: string, start: number, followed: boolean, taken: Set<YamlChunk>): YamlChunk | undefined {
  const before = previous.chunks[index];
  if (!before || taken.has(before) || before.start !== start || before.followed !== followed || before.problem || before.documents.length !== 1) return undefined;
  const edit = singleLineEdit(previous.text.slice(before.start, before.start + before.length), chunkText);
  if (!edit || (!noDeeperLine(edit.oldLine, edit.newLine) && tooDeepYaml(chunkText) !== undefined)) return undefined;
  const [document] = before.documents;
  if (!patchDocument(document, edit, chunkText, start)) return undefined;
  documentChanged(document);
  taken.add(before);
  // The previous version's documents, changed in place (as move() does): that version is not used again.
  return { start, length: chunkText.length, followed, documents: before.documents };
}

/** One YAML document (`.mirrorlint.yaml`), or the problem that kept it from being read. */
export function parseYamlDocument(text: string): { document?: Document.Parsed; problem?: YamlProblem } {
  const deep = tooDeepYaml(text);
  if (deep !== undefined) return { problem: depthProblem(text, deep) };
  return { document: parseDocument(text, OPTIONS) as Document.Parsed };
}
