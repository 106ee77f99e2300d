import type { TextEdit } from '../../base/finding';
import type { OffsetRange } from '../../base/range';
import type { HclBlock, HclExpr } from './syntax';

/** The content of an HCL quoted string for `value` (without the quotes). */
export function hclStringContent(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
}

export const hclString = (value: string): string => `"${hclStringContent(value)}"`;

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const indentAt = (text: string, offset: number): string => /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))![0];

/** `["a", "b"]`, or one item per line when the list it replaces was written so. */
export function hclList(items: string[], text: string, replaced: HclExpr | undefined, lineBreak: string): string {
  const quoted = items.map(hclString);
  const multiLine = replaced?.kind === 'tuple' && text.slice(replaced.range.start, replaced.range.end).includes('\n');
  if (!multiLine || quoted.length === 0) return `[${quoted.join(', ')}]`;
  const closing = indentAt(text, replaced.range.end - 1);
  const first = replaced.kind === 'tuple' && replaced.items[0] ? indentAt(text, replaced.items[0].range.start) : `${closing}  `;
  return `[${lineBreak}${quoted.map((q) => `${first}${q},`).join(lineBreak)}${lineBreak}${closing}]`;
}

/** An HCL literal for a value written to argument `name`: lists, booleans and numbers as such, anything else quoted. */
export function hclLiteral(name: string, value: string, kinds: { lists: ReadonlySet<string>; numbers: ReadonlySet<string> }, text: string, replaced: HclExpr | undefined, lineBreak: string): string {
  if (kinds.lists.has(name)) return hclList(value.split(',').map((i) => i.trim()).filter((i) => i !== ''), text, replaced, lineBreak);
  if ((name === 'enable' || name.endsWith('_enabled')) && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase();
  if ((kinds.numbers.has(name) || name.endsWith('_seconds') || replaced?.kind === 'number') && /^-?\d+$/.test(value.trim())) return value.trim();
  return hclString(value);
}

/** Removes an attribute with its line (and the line break), or just its text when it shares the line. */
export function removeAttribute(text: string, range: OffsetRange): TextEdit {
  const start = lineStartOf(text, range.start);
  const before = text.slice(start, range.start);
  const lineEnd = text.indexOf('\n', range.end);
  const after = text.slice(range.end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  if (before.trim() === '' && (after.trim() === '' || /^\s*(#|\/\/)/.test(after))) return { range: { start, end: lineEnd < 0 ? text.length : lineEnd + 1 }, newText: '' };
  return { range, newText: '' };
}

/** Sets `name = literal` in a block: replaces the value when the attribute is there, else adds a line before the closing brace. */
export function setAttribute(text: string, block: HclBlock, name: string, literal: string, lineBreak: string): TextEdit {
  const existing = block.body.attributes.find((a) => a.name === name);
  if (existing) return { range: existing.value.range, newText: literal };
  const last = block.body.attributes[block.body.attributes.length - 1] ?? block.body.blocks[0];
  const closingLine = lineStartOf(text, block.bodyEnd);
  const closingIndent = indentAt(text, block.bodyEnd);
  const indent = last ? indentAt(text, last.range.start) : `${closingIndent}  `;
  // The closing brace on a line of its own: a new line before it; else (`{ a = 1 }`) the block is opened up.
  if (text.slice(closingLine, block.bodyEnd).trim() === '') return { range: { start: closingLine, end: closingLine }, newText: `${indent}${name} = ${literal}${lineBreak}` };
  return { range: { start: block.bodyEnd, end: block.bodyEnd }, newText: `${lineBreak}${indent}${name} = ${literal}${lineBreak}${closingIndent}` };
}

/** Appends a block (its lines) at the end of the file, after one empty line. */
export function appendBlock(text: string, lines: string[], lineBreak: string): TextEdit {
  const end = text.length;
  const lead = end === 0 ? '' : text.endsWith('\n') ? lineBreak : `${lineBreak}${lineBreak}`;
  return { range: { start: end, end }, newText: `${lead}${lines.join(lineBreak)}${lineBreak}` };
}

/** A resource name label (letters, digits, `_` and `-`, not starting with a digit) not yet used for `type` in the text. */
export function resourceLabel(text: string, type: string, wanted: string): string {
  const base = wanted.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^([^A-Za-z_])/, '_$1') || 'resource';
  let label = base;
  for (let i = 2; text.includes(`"${type}" "${label}"`); i++) label = `${base}_${i}`;
  return label;
}
