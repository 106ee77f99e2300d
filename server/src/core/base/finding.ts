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
