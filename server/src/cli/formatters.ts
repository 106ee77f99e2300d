import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../core';
import { VERSION } from '../../../shared/src/constants';
import type { LocatedFinding } from './findings';

export const REPOSITORY_URL = 'https://github.com/mirrorlint/mirrorlint';
export const ruleHelpUri = (ruleId: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;

export function formatJson(findings: LocatedFinding[]): string {
  const shaped = findings.map(({ rule, severity, message, file, line, column, endLine, endColumn, fixes, related }) => ({
    rule, severity, message, file, line, column, endLine, endColumn, fixes, related,
  }));
  return `${JSON.stringify({ version: 1, findings: shaped }, null, 2)}\n`;
}

export function formatText(findings: LocatedFinding[], filesChecked: number): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(finding.file);
      currentFile = finding.file;
    }
    const fix = finding.fixes.length ? ` (fix: ${finding.fixes[0].title.replace(/`/g, '')})` : '';
    lines.push(`  ${finding.line}:${finding.column}  ${finding.severity.padEnd(7)}  ${finding.message}  ${finding.rule}${fix}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  if (lines.length) lines.push('');
  lines.push(
    findings.length === 0
      ? `No problems in ${filesChecked} file${filesChecked === 1 ? '' : 's'}.`
      : `${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''}) in ${filesChecked} file${filesChecked === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning ingests it. */
export function formatSarif(findings: LocatedFinding[], cwd: string): string {
  const rules = ALL_RULES.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    helpUri: ruleHelpUri(rule.meta.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: endLine === undefined ? { startLine: line, startColumn: column } : { startLine: line, startColumn: column, endLine, endColumn },
    },
  });
  const results = findings.map((finding) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding.file, finding.line, finding.column, finding.endLine, finding.endColumn)],
    ...(finding.related.length
      ? { relatedLocations: finding.related.map((related, id) => ({ id, message: { text: related.message }, ...location(related.file, related.line, related.column) })) }
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
