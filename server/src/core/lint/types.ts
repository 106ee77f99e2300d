import type { Fix, RelatedLocation } from '../base/finding';
import type { OffsetRange } from '../base/range';
import type { RuleMeta } from '../base/rule';
import type { FileFacts, Mm2Facts, Mode } from '../formats/facts';
import type { DeclarationFile } from '../formats/yaml/declarationTypes';
import type { DeclaredWorkspace, UnboundSection } from '../model/declared';
import type { Deployment } from '../model/deployments';
import type { WorkspaceModel } from '../model/workspace';
import type { KafkaSemantics } from '../mm2/versions';

export type { Finding, Fix, RelatedLocation, TextEdit, Severity, SeveritySetting } from '../base/finding';
export type { RuleMeta } from '../base/rule';

/** What a rule reports: a message id of its meta with data, where, and how to repair it. */
export interface Report {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  range: OffsetRange;
  related?: RelatedLocation[];
  /** The fixes, or a function that works them out when they are first asked for (see withFixes). */
  fixes?: Fix[] | (() => Fix[]);
  /**
   * The consequence depends on something MirrorLint cannot know (the Kafka version, when none is
   * configured): the finding is reported at `info`, whatever the rule's severity.
   */
  undecided?: boolean;
  /** A fact worth knowing that changes nothing MM2 does (a setting with no effect on it): reported at `info`. */
  harmless?: boolean;
  /** A milder case of what the rule reports (an echo rather than an endless loop): the severity is capped here. */
  atMost?: 'warning' | 'info';
}

interface BaseContext {
  /** The file being checked. */
  file: FileFacts;
  uri: string;
  model: WorkspaceModel;
  /** Every rule id there is (for settings that name rules). */
  ruleIds: ReadonlySet<string>;
  report(report: Report): void;
}

export interface FileRuleContext extends BaseContext {}

export interface Mm2RuleContext extends BaseContext {
  mm2: Mm2Facts;
  /** The deployment the file's flows belong to: its flows together with those of the other files. */
  deployment: Deployment;
  /** MM2's behaviour in the Kafka version that runs the file's connectors. */
  kafka: KafkaSemantics;
}

export interface DeclarationRuleContext extends BaseContext {
  declarations: DeclarationFile;
  /** The declarations of its deployment, bound to clusters (none when nothing in the file is bound). */
  workspace?: DeclaredWorkspace;
  /** Sections of this file that could not be bound to an MM2 cluster. */
  unbound: UnboundSection[];
}

/** A rule over any file (syntax). */
export interface FileRule {
  kind: 'file';
  meta: RuleMeta;
  check(context: FileRuleContext): void;
}

/** A rule over a file's MM2 settings, flows and the deployment they take part in. */
export interface Mm2Rule {
  kind: 'mm2';
  meta: RuleMeta;
  /** The modes it applies to; all when absent. */
  modes?: readonly Mode[];
  check(context: Mm2RuleContext): void;
}

/**
 * A rule over topology declarations (topics, schemas, consumers, producers) checked against the
 * flows of the deployment they belong to. It runs once per declarations file and reports in it.
 */
export interface DeclarationRule {
  kind: 'declarations';
  meta: RuleMeta;
  check(context: DeclarationRuleContext): void;
}

export type Rule = FileRule | Mm2Rule | DeclarationRule;
