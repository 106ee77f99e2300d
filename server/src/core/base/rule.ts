import type { Severity } from './finding';

/** Rules are grouped by what they read: one folder per group under lint/rules/. */
export type RuleGroup = 'syntax' | 'properties' | 'strimzi' | 'replication' | 'declarations';

/** How an editor may mark a finding besides its severity (LSP DiagnosticTag). */
export type RuleTag = 'unnecessary' | 'deprecated';

/** ESLint's rule metadata: what the rule is, how it reports, and how it is documented. */
export interface RuleMeta {
  id: string;
  group: RuleGroup;
  /** One sentence: what the rule catches (rule table, SARIF shortDescription). */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Message templates by message id; `{{name}}` is replaced with the report's data. */
  messages: Record<string, string>;
  tags?: readonly RuleTag[];
}

/** The rule's page, relative to the project root (docs/rules/<id>.md). */
export const ruleDocsPath = (id: string): string => `docs/rules/${id}.md`;

/** Fills a message template: `{{path}}` becomes `data.path`. Unknown placeholders stay visible, so a typo shows in tests. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

// Report data a rule keeps across analyses with its entry (EntryMemo), and the message made of it.
const KEPT_DATA = new WeakMap<object, { template?: string; message?: string }>();

/** Marks report data that a rule keeps across analyses: its message is filled once (messageOf). */
export function keptData<T extends Readonly<Record<string, string | number>>>(data: T): T {
  KEPT_DATA.set(data, {});
  return data;
}

/**
 * formatMessage, once per kept data (keptData). Other data is filled every time: remembering the
 * message of data made anew for every analysis would cost more than filling it (a 1,560-flow mesh).
 */
export function messageOf(template: string, data?: Readonly<Record<string, string | number>>): string {
  const kept = data && KEPT_DATA.get(data);
  if (!kept) return formatMessage(template, data);
  if (kept.template !== template) {
    kept.template = template;
    kept.message = formatMessage(template, data);
  }
  return kept.message!;
}
