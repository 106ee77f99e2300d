import * as path from 'node:path';
import type { Finding, Severity } from '../core/rules';
import { LineIndex } from '../core/text/lineIndex';

/** A finding placed in a file with 1-based line and column numbers (the CLI's public shape). */
export interface LocatedFinding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: { title: string }[];
  related: { message: string; line: number; column: number }[];
}

export function locateFindings(absolutePath: string, text: string, findings: Finding[], cwd: string): LocatedFinding[] {
  const index = new LineIndex(text);
  const file = path.relative(cwd, absolutePath).split(path.sep).join('/') || path.basename(absolutePath);
  return findings.map((finding) => {
    const start = index.positionAt(finding.range.start);
    const end = index.positionAt(finding.range.end);
    return {
      rule: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      fixes: finding.fixes.map((fix) => ({ title: fix.title })),
      related: finding.related.map((related) => {
        const at = index.positionAt(related.range.start);
        return { message: related.message, line: at.line + 1, column: at.character + 1 };
      }),
    };
  });
}
