import { propertyRange, type ConfigEntry, type Mm2Config } from '../../../model/config';
import { escapePropertyKey } from '../../../formats/properties/parse';
import type { TextEdit } from '../../types';

/** Replaces the property-name part of a key, keeping its alias or flow prefix. */
export function renameProperty(entry: ConfigEntry, newProperty: string): TextEdit {
  return { range: propertyRange(entry), newText: escapePropertyKey(newProperty) };
}

/** Inserts `key = value` on its own line after `after` (or at the end of the file). */
export function insertLine(config: Mm2Config, after: ConfigEntry | undefined, line: string): TextEdit {
  const text = config.document.text;
  const eol = config.lineBreak;
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
