import { LanguageService, type Finding } from '../../server/src/core';
import type { FuzzInput } from './inputs';

/**
 * The oracles: no exception escapes any public entry point of the core (the analysis, and every
 * feature the LSP handlers and the CLI call), no rule fails (an internal error is a crash of that
 * rule), every range is well-formed and inside its text.
 */
export interface Verdict {
  problems: string[];
  ms: number;
}

const SETTINGS = { folders: [{ uri: '', settings: { rules: {}, ignore: [], clusters: {} } }] };

function rangeProblem(what: string, range: { start: number; end: number } | undefined, length: number): string | undefined {
  if (!range) return undefined;
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${what}: range ${start}..${end} is not made of integers`;
  if (start > end) return `${what}: range ${start}..${end} is inverted`;
  if (start < 0 || end > length) return `${what}: range ${start}..${end} is outside the text (${length})`;
  return undefined;
}

function findingProblems(findings: Finding[], length: number): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    if (finding.ruleId === 'internal-error') problems.push(`internal error: ${finding.message}`);
    const own = (r: { uri?: string }) => !r.uri;
    problems.push(...[rangeProblem(`${finding.ruleId} finding`, finding.range, length), ...finding.related.filter(own).map((r) => rangeProblem(`${finding.ruleId} related`, r.range, length))].filter((p): p is string => p !== undefined));
    for (const fix of finding.fixes) for (const edit of fix.edits.filter(own)) {
      const problem = rangeProblem(`${finding.ruleId} fix "${fix.title}"`, edit.range, length);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** Offsets to probe: the ends, and a few spread over the text. */
const probes = (length: number, spread: number): number[] => [...new Set([0, length, ...Array.from({ length: spread }, (_, i) => Math.floor(((i + 1) * length) / (spread + 1)))])];

/** `thorough`: more positions, fix-all and previews too (the long run); the quick sample of `npm test` probes less. */
export function check(input: FuzzInput, thorough = true): Verdict {
  const started = performance.now();
  const problems: string[] = [];
  const logged: string[] = [];
  const guard = (what: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      problems.push(`${what} threw: ${(error as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(error)}`);
    }
  };
  const { uri, text } = input;
  const length = text.length;
  guard('analysis and features', () => {
    const service = new LanguageService({ readText: () => undefined, log: (message) => logged.push(message) });
    const snapshot = service.analyze([{ uri, text }], SETTINGS);
    problems.push(...findingProblems(snapshot.findings(uri), length));
    for (const offset of probes(length, thorough ? 5 : 1)) {
      guard('hover', () => {
        const hover = snapshot.hover(uri, offset);
        const problem = rangeProblem('hover', hover?.range, length);
        if (problem) problems.push(problem);
      });
      guard('completion', () => void snapshot.completion(uri, offset));
      guard('definition', () => snapshot.definition(uri, offset).forEach((r) => { const p = rangeProblem('definition', r, length); if (p) problems.push(p); }));
      guard('references', () => snapshot.references(uri, offset, true).forEach((r) => { const p = rangeProblem('references', r, length); if (p) problems.push(p); }));
      guard('rename', () => {
        const prepared = snapshot.prepareRename(uri, offset);
        if (prepared) snapshot.rename(uri, offset, `${prepared.alias}x`);
      });
      guard('code actions', () => void snapshot.codeActions(uri, { start: offset, end: Math.min(length, offset + 10) }));
    }
    guard('symbols', () => {
      const walk = (symbols: { range: { start: number; end: number }; selectionRange: { start: number; end: number }; children?: unknown[] }[]): void => {
        for (const symbol of symbols) {
          for (const [what, range] of [['symbol', symbol.range], ['symbol selection', symbol.selectionRange]] as const) {
            const problem = rangeProblem(what, range, length);
            if (problem) problems.push(problem);
          }
          walk((symbol.children ?? []) as never);
        }
      };
      walk(snapshot.symbols(uri) as never);
    });
    guard('inlay hints', () => void snapshot.inlayHints(uri, { start: 0, end: length }));
    if (thorough) guard('fix all', () => {
      const fixed = snapshot.fixAllEdit(uri);
      if (fixed) {
        const problem = rangeProblem('fix all edit', fixed.edit.range, length);
        if (problem) problems.push(problem);
      }
    });
    guard('topology', () => void snapshot.topology());
    guard('diagram', () => void snapshot.mermaid());
    if (thorough) guard('previews', () => {
      for (const cluster of snapshot.previewClusters(uri).slice(0, 3)) snapshot.preview(uri, cluster, 'orders');
    });
  });
  for (const message of logged) if (/threw|Error|at /.test(message)) problems.push(`logged: ${message.split('\n')[0]}`);
  return { problems, ms: performance.now() - started };
}
