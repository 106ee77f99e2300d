import type { Mm2Config } from '../model/config';
import type { DeclarationFile } from '../formats/yaml/declarationTypes';
import type { DeclaredWorkspace, UnboundSection } from '../model/declared';
import type { Topology } from '../model/topology';
import type { OffsetRange } from '../base/range';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

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
  /** The source formats the rule applies to; all when absent. */
  formats?: readonly Mm2Config['format'][];
}

export type Report = Omit<Finding, 'ruleId' | 'severity' | 'related' | 'fixes'> & Partial<Pick<Finding, 'related' | 'fixes'>>;

export interface PropertiesRuleContext {
  config: Mm2Config;
  /** The file being checked, as named in the workspace topology. */
  uri: string;
  /** The replication topology of every MM2 file analysed together with this one. */
  topology: Topology;
  report(finding: Report): void;
}

/** One lint rule over a dedicated-mode MM2 properties file (ESLint's shape: metadata + check). */
export interface PropertiesRule {
  meta: RuleMeta;
  check(context: PropertiesRuleContext): void;
}

export interface DeclarationRuleContext {
  /** The declarations file being checked. */
  file: DeclarationFile;
  uri: string;
  /** The declarations of its deployment, bound to clusters, with the deployment's topology (none when nothing in the file is bound). */
  workspace?: DeclaredWorkspace;
  /** Sections of this file that could not be bound to an MM2 cluster. */
  unbound: UnboundSection[];
  report(finding: Report): void;
}

/**
 * A rule over topology declarations (topics, schemas, consumers, producers) checked against the
 * flows of the deployment they belong to. It runs once per declarations file and reports in it.
 */
export interface DeclarationRule {
  meta: RuleMeta;
  check(context: DeclarationRuleContext): void;
}
