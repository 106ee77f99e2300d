import { withFixes, type Finding, type Fix, type SeveritySetting } from '../base/finding';
import type { FileFacts } from '../formats/facts';
import { LineIndex } from '../base/lineIndex';
import type { OffsetRange } from '../base/range';
import { formatMessage } from '../base/rule';
import { INTERNAL_ERROR } from './rules/syntax/internal-error';
import { UNUSED_SUPPRESSION, unusedSuppression } from './rules/syntax/unused-suppression';

export { UNUSED_SUPPRESSION };

/**
 * Suppression comments, ESLint's way:
 *   # mirrorlint-disable-next-line <rule>[, <rule>…] [-- reason]
 *   # mirrorlint-disable <rule>…        (to the end of the file, or to a mirrorlint-enable)
 *   # mirrorlint-enable <rule>…
 * Without rule ids they apply to every rule. Properties files (`#` or `!`) and YAML (`#`).
 */

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids as written, each with its range; empty for "every rule". */
  rules: { id: string; range: OffsetRange }[];
  /** The comment's whole line, for removal. */
  line: OffsetRange;
  comment: OffsetRange;
  /** disable-next-line: the line it covers (0-based); disable: the first line it covers. */
  fromLine: number;
  /** Last line covered (inclusive). */
  toLine: number;
  used: Set<string>;
}

const DIRECTIVE = /^([#!])\s*mirrorlint-(disable-next-line|disable|enable)\b([^\r\n]*)$/;

function parseDirectives(file: FileFacts, lines: LineIndex): Directive[] {
  const text = file.text;
  const directives: Directive[] = [];
  for (const comment of file.comments) {
    const match = DIRECTIVE.exec(text.slice(comment.start, comment.end));
    if (!match) continue;
    const kind = match[2] as Directive['kind'];
    const listStart = comment.start + match[0].indexOf(`mirrorlint-${kind}`) + `mirrorlint-${kind}`.length;
    const listText = match[3].split(' -- ')[0];
    const rules: Directive['rules'] = [];
    const idPattern = /[^\s,]+/g;
    for (let id = idPattern.exec(listText); id; id = idPattern.exec(listText)) rules.push({ id: id[0], range: { start: listStart + id.index, end: listStart + id.index + id[0].length } });
    const line = lines.positionAt(comment.start).line;
    const lineStart = lines.offsetAt({ line, character: 0 });
    const nextLineStart = lines.offsetAt({ line: line + 1, character: 0 });
    directives.push({
      kind,
      rules,
      comment,
      line: { start: lineStart, end: nextLineStart > comment.end ? nextLineStart : comment.end },
      fromLine: line + 1,
      toLine: kind === 'disable-next-line' ? line + 1 : Number.MAX_SAFE_INTEGER,
      used: new Set(),
    });
  }
  // A disable ends at the next enable of the same rule (or of every rule).
  for (const disable of directives.filter((d) => d.kind === 'disable')) {
    const enable = directives.find((d) => d.kind === 'enable' && d.fromLine > disable.fromLine && (d.rules.length === 0 || disable.rules.length === 0 || d.rules.some((r) => disable.rules.some((x) => x.id === r.id))));
    if (enable) disable.toLine = enable.fromLine - 1;
  }
  return directives;
}

const { messages } = unusedSuppression.meta;

const covers = (directive: Directive, ruleId: string): boolean => directive.rules.length === 0 || directive.rules.some((r) => r.id === ruleId);

/**
 * Removes suppressed findings, reports unused directives (and unknown rule ids in them), and gives
 * each remaining finding "Disable <rule> for this line" and "… for the entire file" fixes.
 */
export function applySuppressions(file: FileFacts, findings: Finding[], knownRules: ReadonlySet<string>, unusedSeverity: SeveritySetting): Finding[] {
  // JSON has no comments to write a directive in.
  if (file.syntax === 'json') return findings;
  const lines = new LineIndex(file.text);
  const directives = parseDirectives(file, lines).filter((d) => d.kind !== 'enable');
  const kept: Finding[] = [];
  for (const finding of findings) {
    const line = lines.positionAt(finding.range.start).line;
    // A crashed rule checked nothing: that is never silenced.
    const directive = finding.ruleId === INTERNAL_ERROR ? undefined : directives.find((d) => line >= d.fromLine && line <= d.toLine && covers(d, finding.ruleId));
    if (!directive) {
      const disable = (): Fix[] => [disableForLine(file, lines, finding, directives), disableForFile(file, finding, directives)].filter((fix): fix is Fix => fix !== undefined);
      kept.push(finding.ruleId === INTERNAL_ERROR ? finding : withFixes(finding, () => [...finding.fixes, ...disable()]));
      continue;
    }
    directive.used.add(finding.ruleId);
  }
  if (unusedSeverity === 'off') return kept;
  for (const directive of directives) {
    const problems = directive.rules.length === 0
      ? directive.used.size === 0 ? [{ range: directive.comment, message: formatMessage(messages.nothing, { kind: directive.kind, where: directive.kind === 'disable-next-line' ? ' on the next line' : '' }) }] : []
      : directive.rules.filter((r) => !directive.used.has(r.id)).map((r) => ({
        range: r.range,
        message: knownRules.has(r.id)
          ? formatMessage(messages.unused, { rule: r.id, where: directive.kind === 'disable-next-line' ? 'on the next line' : 'below this comment' })
          : formatMessage(messages.unknown, { rule: r.id }),
      }));
    for (const problem of problems) {
      const onlyRule = directive.rules.length <= 1;
      kept.push({
        ruleId: UNUSED_SUPPRESSION,
        severity: unusedSeverity,
        message: problem.message,
        range: problem.range,
        related: [],
        fixes: [{ title: onlyRule ? 'Remove this suppression comment' : 'Remove this rule from the suppression', edits: [{ range: onlyRule ? directive.line : listItemRange(file.text, problem.range), newText: '' }], preferred: true }],
      });
    }
  }
  return kept;
}

/** A rule id in a comma-separated list, with the separator next to it. */
function listItemRange(text: string, range: OffsetRange): OffsetRange {
  // Scanned by hand: an end-anchored regex over the text before the item is quadratic in its length.
  const isSpace = (i: number): boolean => /\s/.test(text[i]);
  let end = range.end;
  while (end < text.length && isSpace(end)) end++;
  if (text[end] === ',') {
    end++;
    while (end < text.length && isSpace(end)) end++;
    return { start: range.start, end };
  }
  let start = range.start;
  while (start > 0 && isSpace(start - 1)) start--;
  if (start > 0 && text[start - 1] === ',') {
    start--;
    while (start > 0 && isSpace(start - 1)) start--;
    return { start, end: range.end };
  }
  return range;
}

/** "Disable <rule> for this line": a comment line above the finding's, or the rule added to one already there. */
function disableForLine(file: FileFacts, lines: LineIndex, finding: Finding, directives: Directive[]): Fix | undefined {
  const text = file.text;
  const line = lines.positionAt(finding.range.start).line;
  const title = `Disable ${finding.ruleId} for this line`;
  const existing = directives.find((d) => d.kind === 'disable-next-line' && d.fromLine === line && d.rules.length > 0);
  if (existing) {
    const last = existing.rules[existing.rules.length - 1].range.end;
    return { title, edits: [{ range: { start: last, end: last }, newText: `, ${finding.ruleId}` }], suppression: true };
  }
  const start = lines.offsetAt({ line, character: 0 });
  // A comment line inside a continued properties value would become part of the value.
  if (file.syntax === 'properties' && /(^|[^\\])(\\\\)*\\\r?\n?$/.test(text.slice(lines.offsetAt({ line: Math.max(0, line - 1), character: 0 }), start)) && line > 0) return undefined;
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
  return { title, edits: [{ range: { start, end: start }, newText: `${indent}# mirrorlint-disable-next-line ${finding.ruleId}${file.lineBreak}` }], suppression: true };
}

/** "Disable <rule> for the entire file": a `mirrorlint-disable` comment on the first line, or the rule added to one there. */
function disableForFile(file: FileFacts, finding: Finding, directives: Directive[]): Fix | undefined {
  const title = `Disable ${finding.ruleId} for the entire file`;
  const existing = directives.find((d) => d.kind === 'disable' && d.line.start === 0 && d.rules.length > 0);
  if (existing) {
    const last = existing.rules[existing.rules.length - 1].range.end;
    return { title, edits: [{ range: { start: last, end: last }, newText: `, ${finding.ruleId}` }], suppression: true };
  }
  return { title, edits: [{ range: { start: 0, end: 0 }, newText: `# mirrorlint-disable ${finding.ruleId}${file.lineBreak}` }], suppression: true };
}
