import * as path from 'node:path';
import { LineIndex, type Finding, type Severity } from '../core';

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
  related: { message: string; file: string; line: number; column: number }[];
  /** The flagged text (at most 200 characters): with the rule, file and message, a finding's identity that survives moved lines. */
  flagged: string;
}

const relativeName = (absolutePath: string, cwd: string): string => path.relative(cwd, absolutePath).split(path.sep).join('/') || path.basename(absolutePath);

export function locateFindings(absolutePath: string, text: string, findings: Finding[], cwd: string, textOf: (file: string) => string | undefined = () => undefined): LocatedFinding[] {
  const index = new LineIndex(text);
  const file = relativeName(absolutePath, cwd);
  const indexes = new Map<string, LineIndex>();
  const indexOf = (other: string): LineIndex | undefined => {
    if (!indexes.has(other)) {
      const otherText = textOf(other);
      if (otherText !== undefined) indexes.set(other, new LineIndex(otherText));
    }
    return indexes.get(other);
  };
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
      flagged: text.slice(finding.range.start, Math.min(finding.range.end, finding.range.start + 200)),
      fixes: finding.fixes.filter((fix) => !fix.suppression).map((fix) => ({ title: fix.title })),
      related: finding.related.flatMap((related) => {
        const relatedIndex = related.uri ? indexOf(related.uri) : index;
        if (!relatedIndex) return [];
        const at = relatedIndex.positionAt(related.range.start);
        return [{ message: related.message, file: related.uri ? relativeName(related.uri, cwd) : file, line: at.line + 1, column: at.character + 1 }];
      }),
    };
  });
}
