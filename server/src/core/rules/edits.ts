import type { ConfigEntry, Mm2Config } from '../model/config';
import { escapePropertyKey } from '../parse/properties';
import type { TextEdit } from './types';

/** The line break the file already uses, so inserted lines match it. */
export function lineBreakOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Replaces the property-name part of a key, keeping its alias or flow prefix. */
export function renameProperty(entry: ConfigEntry, newProperty: string): TextEdit {
  const start = 'propertyStart' in entry.shape ? entry.entry.keyOffsets[entry.shape.propertyStart] : entry.entry.keyRange.start;
  return { range: { start, end: entry.entry.keyRange.end }, newText: escapePropertyKey(newProperty) };
}

/** Replaces the whole key. */
export function replaceKey(entry: ConfigEntry, newKey: string): TextEdit {
  return { range: entry.entry.keyRange, newText: escapePropertyKey(newKey) };
}

/** Inserts `key = value` on its own line after `after` (or at the end of the file). */
export function insertLine(config: Mm2Config, after: ConfigEntry | undefined, line: string): TextEdit {
  const text = config.document.text;
  const eol = lineBreakOf(text);
  if (after) {
    const end = after.entry.lineRange.end;
    const endsWithBreak = end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r');
    return { range: { start: end, end }, newText: endsWithBreak ? `${line}${eol}` : `${eol}${line}` };
  }
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { range: { start: text.length, end: text.length }, newText: `${needsBreak ? eol : ''}${line}${eol}` };
}

/** Removes an entry's whole logical line. */
export function deleteEntry(entry: ConfigEntry): TextEdit {
  return { range: { start: lineStartOf(entry), end: entry.entry.lineRange.end }, newText: '' };
}

function lineStartOf(entry: ConfigEntry): number {
  return entry.entry.lineRange.start;
}

/** The last entry whose key starts with `prefix`, to insert related settings next to it. */
export function lastEntryWithPrefix(config: Mm2Config, prefix: string): ConfigEntry | undefined {
  return [...config.entries].reverse().find((e) => e.entry.key.startsWith(prefix));
}
