import { applyEdits, type Finding, type Fix, type TextEdit } from '../base/finding';
import type { OffsetRange } from '../base/range';

/**
 * "Fix all" for one file, ESLint's way: apply every finding's automatic fix whose edits do not
 * collide, analyse again, repeat until nothing changes (a fix can reveal or remove other findings).
 * Automatic means the rule marked the fix preferred — the one obvious repair — and it edits only
 * this file: alternatives (disable a flow or change its policy?), suppressions and edits of other
 * files wait for a person.
 */
export function automaticFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.preferred && !fix.suppression && fix.edits.length > 0 && fix.edits.every((edit) => !edit.uri));
}

const overlaps = (a: OffsetRange, b: OffsetRange): boolean => a.start < b.end && b.start < a.end || a.start === b.start;

export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: string[];
  /** What is left after the last pass. */
  remaining: Finding[];
}

export function fixAll(text: string, analyse: (text: string) => Finding[], maxPasses = 10): FixAllResult {
  const applied: string[] = [];
  let current = text;
  let findings = analyse(current);
  for (let pass = 0; pass < maxPasses; pass++) {
    const chosen: TextEdit[] = [];
    for (const finding of [...findings].sort((a, b) => a.range.start - b.range.start)) {
      const fix = automaticFix(finding);
      if (!fix || fix.edits.some((edit) => chosen.some((other) => overlaps(edit.range, other.range)))) continue;
      chosen.push(...fix.edits);
      applied.push(fix.title);
    }
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen);
    if (next === current) break;
    current = next;
    findings = analyse(current);
  }
  return { text: current, applied, remaining: findings };
}

/** The smallest single edit that turns `before` into `after` (keeps the editor's cursor and folding in place). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
