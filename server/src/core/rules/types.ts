import type { Mm2Config } from '../model/config';
import type { OffsetRange } from '../text/range';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor may apply on its own (VS Code's "preferred" quick fix). */
  preferred?: boolean;
}

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  related: RelatedLocation[];
  fixes: Fix[];
}

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
}

export type Report = Omit<Finding, 'ruleId' | 'severity' | 'related' | 'fixes'> & Partial<Pick<Finding, 'related' | 'fixes'>>;

export interface PropertiesRuleContext {
  config: Mm2Config;
  report(finding: Report): void;
}

/** One lint rule over a dedicated-mode MM2 properties file (ESLint's shape: metadata + check). */
export interface PropertiesRule {
  meta: RuleMeta;
  check(context: PropertiesRuleContext): void;
}
