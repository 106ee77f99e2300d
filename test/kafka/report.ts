import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Disagreement {
  layer: string;
  version: string;
  kind: string;
  /** What was compared: a pattern value, a config, a scenario. */
  subject: string;
  detail: Record<string, unknown>;
}

export interface LayerResult {
  layer: string;
  version: string;
  cases: number;
  agreements: number;
  /** Cases MirrorLint says it cannot decide (or Kafka gave up on): not counted either way. */
  undecided: number;
  disagreements: Disagreement[];
}

/**
 * Disagreements that are understood and accepted, each with its reason and the Kafka source that
 * shows it. Anything not listed here fails the run.
 */
export interface KnownDifference {
  layer: string;
  kind: string;
  /** A regex over the subject (and JSON of the detail) that selects the cases it covers. */
  matches: string;
  reason: string;
  kafkaSource: string;
}

export function loadKnown(file: string): KnownDifference[] {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as KnownDifference[]) : [];
}

export const isKnown = (known: KnownDifference[], d: Disagreement): KnownDifference | undefined =>
  known.find((k) => k.layer === d.layer && k.kind === d.kind && new RegExp(k.matches).test(`${d.subject}\n${JSON.stringify(d.detail)}`));

/** The table the run prints: one row per layer and version. */
export function table(results: LayerResult[], known: KnownDifference[]): string {
  const rows = results.map((r) => {
    const listed = r.disagreements.filter((d) => isKnown(known, d)).length;
    return [r.layer, r.version, r.cases, r.agreements, r.undecided, r.disagreements.length, listed, r.disagreements.length - listed].map(String);
  });
  const header = ['layer', 'kafka', 'cases', 'agree', 'undecided', 'disagree', 'known', 'unexpected'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function writeReport(folder: string, results: LayerResult[]): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'report.json');
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  return file;
}
