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
