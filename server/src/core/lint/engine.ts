import { withFixes, type Finding, type Fix, type RelatedLocation, type Severity, type SeveritySetting, type TextEdit } from '../base/finding';
import { messageOf, type RuleMeta } from '../base/rule';
import type { WorkspaceModel } from '../model/workspace';
import { RULES, RULES_BY_ID } from './rules';
import { INTERNAL_ERROR } from './rules/syntax/internal-error';
import { applySuppressions, UNUSED_SUPPRESSION } from './suppressions';
import type { Report, Rule } from './types';

export interface LintOptions {
  /** Severity per rule id for this file, after every layer of configuration; absent ids keep their default. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Where a crashing rule's stack goes (the server's log, the CLI's stderr). */
  log?(message: string): void;
}

const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());

const severityOf = (meta: RuleMeta, options: LintOptions): SeveritySetting => options.severities?.[meta.id] ?? meta.defaultSeverity;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The rule's severity, lowered for what MirrorLint cannot decide, what is harmless, or a milder case. */
function severityFor(severity: Severity, report: Report): Severity {
  if (report.undecided || report.harmless) return 'info';
  return report.atMost && RANK[report.atMost] < RANK[severity] ? report.atMost : severity;
}

/**
 * Related locations and edits in the checked file itself carry no uri, whatever file a rule found
 * them through (replication rules meet this file's flows among the whole deployment's): rules pass
 * the uri they have, and findings come out in one shape.
 */
function inFileTerms(uri: string, report: Report, meta: RuleMeta): { message: string; range: Finding['range']; related: RelatedLocation[]; fixes: Fix[] | (() => Fix[]) } {
  const message = messageOf(meta.messages[report.messageId] ?? report.messageId, report.data);
  const related = report.related ?? [];
  const relatedHere = (r: RelatedLocation): boolean => r.uri === uri;
  const editHere = (e: TextEdit): boolean => e.uri !== undefined && (!e.uri || e.uri === uri);
  const inFile = (fixes: Fix[]): Fix[] =>
    fixes.some((fix) => fix.edits.some(editHere)) ? fixes.map((fix) => ({ ...fix, edits: fix.edits.map(({ uri: target, ...edit }) => (target && target !== uri ? { ...edit, uri: target } : edit)) })) : fixes;
  const reported = report.fixes ?? [];
  const fixes = typeof reported === 'function' ? () => inFile(reported()) : inFile(reported);
  // Most findings name no other file: they pass through without copies (thousands per keystroke).
  return { message, range: report.range, related: related.some(relatedHere) ? related.map((r) => (relatedHere(r) ? { ...r, uri: undefined } : r)) : related, fixes };
}

/** The runs of a rule on one file: none, one, or one per declared workspace the file belongs to. */
function runsOf(rule: Rule, model: WorkspaceModel, uri: string, run: (check: () => void) => void, report: (r: Report) => void): void {
  const file = model.fileOf(uri)!;
  const base = { file, uri, model, report, ruleIds: RULE_IDS };
  if (rule.kind === 'file') {
    run(() => rule.check(base));
    return;
  }
  if (rule.kind === 'mm2') {
    const deployment = model.deploymentOf(uri);
    if (!file.mm2 || !deployment || (rule.modes && !rule.modes.includes(file.mm2.mode))) return;
    run(() => rule.check({ ...base, mm2: file.mm2!, deployment, kafka: model.kafkaOf(uri) }));
    return;
  }
  const declarations = file.declarations;
  if (!declarations) return;
  const workspaces = model.declaredOf(uri);
  const unbound = model.unboundOf(uri);
  if (workspaces.length === 0) run(() => rule.check({ ...base, declarations, unbound }));
  workspaces.forEach((workspace, i) => run(() => rule.check({ ...base, declarations, workspace, unbound: i === 0 ? unbound : [] })));
}

/**
 * Every rule on one file of the model, each isolated: a rule that throws becomes one
 * `internal-error` finding (its stack goes to the log) and never hides the other rules' findings.
 * Suppression comments apply last.
 */
export function lintFile(model: WorkspaceModel, uri: string, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule.meta, options);
    if (severity === 'off') continue;
    const report = (reported: Report): void => {
      // What depends on something MirrorLint does not know (the Kafka version) is said at info.
      const { fixes, ...terms } = inFileTerms(uri, reported, rule.meta);
      findings.push(withFixes({ ...terms, ruleId: rule.meta.id, messageId: reported.messageId, severity: severityFor(severity, reported) }, fixes));
    };
    const run = (check: () => void): void => {
      try {
        check();
      } catch (error) {
        const stack = (error as Error)?.stack ?? String(error);
        options.log?.(`mirrorlint: rule ${rule.meta.id} failed on ${uri}\n${stack}`);
        const meta = RULES_BY_ID.get(INTERNAL_ERROR)!;
        const { fixes, ...terms } = inFileTerms(uri, { messageId: 'failed', data: { rule: rule.meta.id, error: (error as Error)?.message ?? String(error) }, range: { start: 0, end: 0 } }, meta.meta);
        findings.push(withFixes({ ...terms, ruleId: INTERNAL_ERROR, severity: 'error' }, fixes));
      }
    };
    runsOf(rule, model, uri, run, report);
  }
  const file = model.fileOf(uri)!;
  return withoutEditsOfSnapshots(model, uri, applySuppressions(file, findings, RULE_IDS, options.severities?.[UNUSED_SUPPRESSION] ?? 'warning'));
}

/** Fixes that would edit a live snapshot go: it records what the clusters held, and the next one replaces it. */
function withoutEditsOfSnapshots(model: WorkspaceModel, uri: string, findings: Finding[]): Finding[] {
  if (!model.files.some((file) => file.declarations?.observed)) return findings;
  const observed = (target: string | undefined): boolean => model.fileOf(target || uri)?.declarations?.observed === true;
  return findings.map((f) => withFixes(f, () => f.fixes.filter((fix) => !fix.edits.some((edit) => observed(edit.uri)))));
}
