import type { OffsetRange } from './range';

/** The words every part of MirrorLint uses for what it reports and how a report is repaired. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export interface TextEdit {
  range: OffsetRange;
  newText: string;
  /** The file to edit, when not the file of the finding. */
  uri?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor may apply on its own (VS Code's "preferred" quick fix). */
  preferred?: boolean;
  /** A suppression comment rather than a repair: never applied by fix-all. */
  suppression?: boolean;
}

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
  /** The file of the location, when not the file of the finding. */
  uri?: string;
}

export interface Finding {
  ruleId: string;
  /** Which of the rule's messages it is (ESLint's messageId): what kind of problem, for tools that sort findings. */
  messageId?: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  related: RelatedLocation[];
  fixes: Fix[];
}

/**
 * A text with edits applied, in one pass over it. Edits at the same offset land in reverse order of
 * the list, as if applied one by one from the last offset back (what editors do with a workspace edit).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.range.start - b.edit.range.start || b.index - a.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of order) {
    parts.push(text.slice(at, Math.max(at, edit.range.start)), edit.newText);
    at = Math.max(at, edit.range.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * A message or fix title for places that show plain text (the Problems panel, the fix menu, a
 * terminal): code spans in quotes, as ESLint writes names. Markdown views keep the backticks.
 */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`\n]*)`/g, "'$1'");
}

const ABBREVIATIONS = /(?:\be\.g|\bi\.e|\bvs|\betc)\.$/;

/**
 * The message's first sentence — what is wrong, the Problems panel's line — and the rest: why it
 * matters and what to do, for related information and hovers. A sentence ends at `.`, `!`, `?` or
 * `:` followed by a space, outside parentheses and code spans; a closing colon is dropped.
 */
export function splitMessage(message: string): { summary: string; detail?: string } {
  let depth = 0;
  let code = false;
  for (let i = 0; i < message.length - 1; i++) {
    const ch = message[i];
    if (ch === '`') code = !code;
    else if (code) continue;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '.!?:'.includes(ch) && /\s/.test(message[i + 1]) && !ABBREVIATIONS.test(message.slice(0, i + 1))) {
      const rest = message.slice(i + 1).trim();
      if (!rest) break;
      // After a colon the rest is a sentence of its own.
      return ch === ':' ? { summary: message.slice(0, i), detail: rest[0].toUpperCase() + rest.slice(1) } : { summary: message.slice(0, i + 1), detail: rest };
    }
  }
  return { summary: message };
}

/**
 * A finding whose fixes are worked out when first read: a large file has thousands of findings, and
 * an editor asks for the fixes of the few under the cursor (fix-all and the CLI's --fix read all).
 */
export function withFixes(finding: Omit<Finding, 'fixes'>, fixes: Fix[] | (() => Fix[])): Finding {
  const { message, range, related, ruleId, messageId, severity } = finding;
  const rest = messageId === undefined ? { ruleId, severity } : { ruleId, messageId, severity };
  if (typeof fixes !== 'function') return { message, range, related, fixes, ...rest };
  let computed: Fix[] | undefined;
  return {
    message,
    range,
    related,
    get fixes(): Fix[] {
      return (computed ??= fixes());
    },
    ...rest,
  };
}
