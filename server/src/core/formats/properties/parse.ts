import type { OffsetRange } from '../../base/range';
import { OffsetMap } from '../../base/offsetMap';

/**
 * One logical `key = value` line of a Java .properties file, after unescaping.
 * `keyOffsets.at(i)` / `valueOffsets.at(i)` give the source offset of the i-th decoded character
 * (one extra trailing element marks the end), so findings can point inside a value.
 */
export interface PropertyEntry {
  key: string;
  value: string;
  keyRange: OffsetRange;
  valueRange: OffsetRange;
  /** From the first character of the key to the end of the logical line, line break included. */
  lineRange: OffsetRange;
  keyOffsets: OffsetMap;
  valueOffsets: OffsetMap;
}

export interface PropertyComment {
  text: string;
  range: OffsetRange;
}

export interface ParseProblem {
  message: string;
  range: OffsetRange;
}

export interface PropertiesDocument {
  text: string;
  entries: PropertyEntry[];
  comments: PropertyComment[];
  problems: ParseProblem[];
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\f';

interface NaturalLine {
  start: number;
  /** Offset of the line break (or text length). */
  end: number;
  /** Offset just after the line break. */
  next: number;
}

function naturalLines(text: string): NaturalLine[] {
  const lines: NaturalLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length) {
      if (start < text.length || lines.length === 0) lines.push({ start, end: i, next: i });
      break;
    }
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      const next = ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  return lines;
}

/** True when the line's content ends with an odd number of backslashes (a continuation). */
function endsWithContinuation(text: string, start: number, end: number): boolean {
  let count = 0;
  for (let i = end - 1; i >= start && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/**
 * Parses text with the semantics of java.util.Properties#load(Reader): `=`, `:` or whitespace
 * separators, backslash continuations, `\uXXXX` and single-character escapes, `#`/`!` comments.
 * Never throws; a malformed escape becomes a problem and is kept literally.
 */
export function parseProperties(text: string): PropertiesDocument {
  const entries: PropertyEntry[] = [];
  const comments: PropertyComment[] = [];
  const problems: ParseProblem[] = [];
  const lines = naturalLines(text);

  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    let first = line.start;
    while (first < line.end && isWhitespace(text[first])) first++;
    if (first === line.end) {
      index++;
      continue;
    }
    if (text[first] === '#' || text[first] === '!') {
      comments.push({ text: text.slice(first, line.end), range: { start: first, end: line.end } });
      index++;
      continue;
    }

    // Join the natural lines of this logical line into a list of source offsets, dropping the
    // continuation backslash, the line break and the next line's leading whitespace.
    let sourceOffsets: number[] | undefined;
    let current = line;
    let contentStart = first;
    let lastIndex = index;
    for (;;) {
      const continues = endsWithContinuation(text, contentStart, current.end);
      const contentEnd = continues ? current.end - 1 : current.end;
      if (!continues && !sourceOffsets) break; // a single natural line: offsets are first..end
      sourceOffsets ??= [];
      for (let i = contentStart; i < contentEnd; i++) sourceOffsets.push(i);
      if (!continues || lastIndex + 1 >= lines.length) break;
      lastIndex++;
      current = lines[lastIndex];
      contentStart = current.start;
      while (contentStart < current.end && isWhitespace(text[contentStart])) contentStart++;
    }
    const logicalEnd = current.end;
    index = lastIndex + 1;

    const source = sourceOffsets ? OffsetMap.of(sourceOffsets) : OffsetMap.linear(first, current.end - first);
    const entry = decodeLogicalLine(text, source, logicalEnd, problems);
    entry.lineRange = { start: first, end: current.next };
    entries.push(entry);
  }
  return { text, entries, comments, problems };
}

function decodeLogicalLine(text: string, offsets: OffsetMap, logicalEnd: number, problems: ParseProblem[]): PropertyEntry {
  let position = 0;
  const at = (p: number): string => text[offsets.at(p)];
  const offsetOf = (p: number): number => (p < offsets.length ? offsets.at(p) : logicalEnd);

  // Key: up to the first unescaped separator or whitespace.
  const keyStart = position;
  while (position < offsets.length) {
    const ch = at(position);
    if (ch === '\\') {
      position += 2;
      continue;
    }
    if (ch === '=' || ch === ':' || isWhitespace(ch)) break;
    position++;
  }
  position = Math.min(position, offsets.length);
  const keyEnd = position;

  // Separator: whitespace, then at most one '=' or ':', then whitespace.
  while (position < offsets.length && isWhitespace(at(position))) position++;
  if (position < offsets.length && (at(position) === '=' || at(position) === ':')) position++;
  while (position < offsets.length && isWhitespace(at(position))) position++;
  const valueStart = position;

  const key = unescape(text, offsets, keyStart, keyEnd, offsetOf(keyEnd), problems);
  const value = unescape(text, offsets, valueStart, offsets.length, logicalEnd, problems);
  return {
    key: key.decoded,
    value: value.decoded,
    keyRange: { start: offsetOf(keyStart), end: keyEnd > keyStart ? offsets.at(keyEnd - 1) + 1 : offsetOf(keyStart) },
    valueRange: {
      start: valueStart < offsets.length ? offsets.at(valueStart) : logicalEnd,
      end: offsets.length > valueStart ? offsets.at(offsets.length - 1) + 1 : logicalEnd,
    },
    lineRange: { start: 0, end: 0 },
    keyOffsets: key.offsets,
    valueOffsets: value.offsets,
  };
}

function hasBackslash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(
  text: string,
  offsets: OffsetMap,
  from: number,
  to: number,
  endOffset: number,
  problems: ParseProblem[],
): { decoded: string; offsets: OffsetMap } {
  if (to <= from) return { decoded: '', offsets: OffsetMap.linear(endOffset, 1) };
  const first = offsets.at(from);
  const last = offsets.at(to - 1);
  if (last - first === to - from - 1 && !hasBackslash(text, first, last + 1)) {
    return { decoded: text.slice(first, last + 1), offsets: OffsetMap.linear(first, to - from + 1) };
  }
  let decoded = '';
  const decodedOffsets: number[] = [];
  let p = from;
  while (p < to) {
    const ch = text[offsets.at(p)];
    if (ch !== '\\') {
      decoded += ch;
      decodedOffsets.push(offsets.at(p));
      p++;
      continue;
    }
    const escapeStart = offsets.at(p);
    if (p + 1 >= to) {
      p++; // a lone trailing backslash is dropped, as Java does
      continue;
    }
    const next = text[offsets.at(p + 1)];
    if (next === 'u') {
      let hex = '';
      for (let i = 0; i < 4 && p + 2 + i < to; i++) hex += text[offsets.at(p + 2 + i)];
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        decoded += String.fromCharCode(parseInt(hex, 16));
        decodedOffsets.push(escapeStart);
        p += 6;
        continue;
      }
      const end = offsets.at(Math.min(p + 5, to - 1)) + 1;
      problems.push({
        message: `Malformed \\uXXXX escape "${text.slice(escapeStart, end)}": Java's Properties.load rejects the whole file with "Malformed \\uxxxx encoding". Write four hex digits, or "\\\\u" for a literal backslash-u.`,
        range: { start: escapeStart, end },
      });
      decoded += 'u';
      decodedOffsets.push(escapeStart);
      p += 2;
      continue;
    }
    decoded += SIMPLE_ESCAPES[next] ?? next;
    decodedOffsets.push(escapeStart);
    p += 2;
  }
  decodedOffsets.push(last + 1);
  return { decoded, offsets: OffsetMap.of(decodedOffsets) };
}

/** Escapes a key so that Properties.load reads it back unchanged. */
export function escapePropertyKey(key: string): string {
  return key.replace(/[\\=: \t\f#!]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\f' ? '\\f' : `\\${ch}`));
}

/** Escapes a value so that Properties.load reads it back unchanged. */
export function escapePropertyValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/^[ \t\f]/, (ch) => `\\${ch}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
