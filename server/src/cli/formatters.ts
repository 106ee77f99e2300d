import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, plainText, splitMessage } from '../core';
import { VERSION } from '../../../shared/src/constants';
import { ruleDocsMarkdown } from '../node/ruleDocs';
import type { LocatedFinding } from './findings';

export const REPOSITORY_URL = 'https://github.com/mirrorlint/mirrorlint';
export const DEFAULT_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/rules`;
export const ruleHelpUri = (ruleId: string, docsUrl = DEFAULT_DOCS_URL): string => `${docsUrl.replace(/\/+$/, '')}/${ruleId}.md`;

export function formatJson(findings: LocatedFinding[]): string {
  const shaped = findings.map(({ rule, severity, message, file, line, column, endLine, endColumn, fixes, related }) => ({
    rule, severity, message, file, line, column, endLine, endColumn, fixes, related,
  }));
  return `${JSON.stringify({ version: 1, findings: shaped }, null, 2)}\n`;
}

const ANSI = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;
type Paint = (style: keyof typeof ANSI, text: string) => string;
const painter = (color: boolean): Paint => (color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_, text) => text);
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'blue' } as const;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ESLint's "stylish" layout: findings grouped under their file, position, severity, message and
 * rule id in aligned columns; colours only when asked (a terminal), so logs and files stay plain.
 */
export function formatText(findings: LocatedFinding[], filesChecked: number, color = false): string {
  const paint = painter(color);
  const byFile = new Map<string, LocatedFinding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    const rows = group.map((finding) => {
      const fix = finding.fixes.length ? ` (fix: ${plainText(finding.fixes[0].title)})` : '';
      return { at: `${finding.line}:${finding.column}`, severity: finding.severity, message: plainText(splitMessage(finding.message).summary), rule: `${finding.rule}${fix}` };
    });
    const width = (key: 'at' | 'message') => Math.max(...rows.map((row) => row[key].length));
    const [atWidth, messageWidth] = [width('at'), width('message')];
    lines.push(paint('underline', file));
    for (const row of rows) {
      lines.push(`  ${paint('dim', row.at.padEnd(atWidth))}  ${paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(7))}  ${row.message.padEnd(messageWidth)}  ${paint('dim', row.rule)}`);
    }
    lines.push('');
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const files = plural(filesChecked, 'file');
  if (findings.length === 0) {
    lines.push(`No problems in ${files}.`);
  } else {
    const summary = `${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${infos} info` : ''}) in ${files}.`;
    lines.push(paint('bold', paint(errors ? 'red' : warnings ? 'yellow' : 'blue', summary)));
  }
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * A finding's identity across runs for code scanning: rule, file, what is wrong and the flagged text,
 * not the line (an edit above would turn every finding below into a new alert). Equal findings in one
 * file are told apart by their order, as `primaryLocationLineHash` does.
 */
function fingerprints(findings: LocatedFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256').update([finding.rule, finding.file, splitMessage(finding.message).summary, finding.flagged].join('\0')).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/**
 * SARIF 2.1.0, as GitHub code scanning ingests it. Each rule carries its page (`help`, Markdown) so
 * the alert explains itself without a network; `helpUri` points at `docsUrl` for the full page.
 */
export function formatSarif(findings: LocatedFinding[], cwd: string, docsUrl?: string): string {
  const rules = ALL_RULES.map((rule) => {
    const page = ruleDocsMarkdown(rule.meta.id);
    return {
      id: rule.meta.id,
      name: rule.meta.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
      shortDescription: { text: rule.meta.description },
      fullDescription: { text: plainText(rule.meta.description), markdown: rule.meta.description },
      ...(page ? { help: { text: plainText(page), markdown: page } } : {}),
      helpUri: ruleHelpUri(rule.meta.id, docsUrl),
      defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
      properties: { tags: ['mirrormaker2', 'kafka'] },
    };
  });
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: endLine === undefined ? { startLine: line, startColumn: column } : { startLine: line, startColumn: column, endLine, endColumn },
    },
  });
  const prints = fingerprints(findings);
  const results = findings.map((finding, index) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: SARIF_LEVEL[finding.severity],
    message: { text: plainText(finding.message), markdown: finding.message },
    partialFingerprints: { 'mirrorlint/v1': prints[index] },
    locations: [location(finding.file, finding.line, finding.column, finding.endLine, finding.endColumn)],
    ...(finding.related.length
      ? { relatedLocations: finding.related.map((related, id) => ({ id, message: { text: plainText(related.message), markdown: related.message }, ...location(related.file, related.line, related.column) })) }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'MirrorLint', version: VERSION, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
