// npm run fuzz [-- --count N --seed N --formats properties,connect --budget-ms N --long]
// Mutated examples and fixtures through every public entry point of the core (docs/reliability.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { check } from './check';
import { FORMATS, inputs, seeds, type Format, type FuzzInput } from './inputs';

export interface FuzzReport {
  format: Format;
  inputs: number;
  crashes: { input: FuzzInput; problems: string[] }[];
  slow: { input: FuzzInput; ms: number }[];
  slowest: { origin: string; ms: number }[];
  totalMs: number;
}

/**
 * What one input may take: a fixed budget plus an allowance per kilobyte, so that a hang or a
 * superlinear cause stands out while a 1.5 MB input parsed in linear time does not.
 */
export const MS_PER_KB = 3;

/** Runs `count` inputs of a format; `budgetMs` (plus MS_PER_KB per kilobyte) is what one input may take. */
export function fuzz(format: Format, count: number, seed: number, budgetMs: number, thorough = true, from = 0): FuzzReport {
  const report: FuzzReport = { format, inputs: 0, crashes: [], slow: [], slowest: [], totalMs: 0 };
  const seedTexts = seeds().get(format) ?? [];
  let index = 0;
  for (const input of inputs(format, seedTexts, count, seed)) {
    // `--from`: the inputs before it are generated (the sequence depends on them) but not checked, so that two processes can share one long run.
    if (index++ < from) continue;
    const verdict = check(input, thorough);
    report.inputs++;
    report.totalMs += verdict.ms;
    if (verdict.problems.length) report.crashes.push({ input, problems: verdict.problems });
    if (verdict.ms > budgetMs + (input.text.length / 1024) * MS_PER_KB) report.slow.push({ input, ms: verdict.ms });
    report.slowest.push({ origin: input.origin, ms: verdict.ms });
    if (report.slowest.length > 20) report.slowest = report.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
  }
  report.slowest = report.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return report;
}

const CRASHERS = path.join(__dirname, '..', '..', '.fuzz');

function main(): number {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string', default: '20261204' },
      formats: { type: 'string', default: FORMATS.join(',') },
      'budget-ms': { type: 'string', default: '3000' },
      long: { type: 'boolean', default: false },
      // npm test's sample: fewer probes per input.
      quick: { type: 'boolean', default: false },
      from: { type: 'string', default: '0' },
    },
  });
  const count = Number(values.count ?? (values.long ? 100_000 : 5_000));
  const budget = Number(values['budget-ms']);
  let failed = false;
  fs.mkdirSync(CRASHERS, { recursive: true });
  console.log('format      inputs  crashes  over-budget  slowest (ms)  total (s)');
  for (const format of values.formats!.split(',') as Format[]) {
    const report = fuzz(format, count, Number(values.seed), budget, !values.quick, Number(values.from));
    console.log(`${format.padEnd(10)}  ${String(report.inputs).padStart(6)}  ${String(report.crashes.length).padStart(7)}  ${String(report.slow.length).padStart(11)}  ${report.slowest[0]?.ms.toFixed(0).padStart(12) ?? ''}  ${(report.totalMs / 1000).toFixed(1).padStart(9)}`);
    report.crashes.slice(0, 20).forEach((crash, i) => {
      const file = path.join(CRASHERS, `${format}-${i}${path.extname(crash.input.uri) || '.yaml'}`);
      fs.writeFileSync(file, crash.input.text);
      console.log(`  CRASH ${crash.input.origin} (${path.relative(process.cwd(), file)}): ${crash.problems.slice(0, 3).join(' || ')}`);
    });
    report.slow.slice(0, 10).forEach((slow, i) => {
      const file = path.join(CRASHERS, `${format}-slow-${i}${path.extname(slow.input.uri) || '.yaml'}`);
      fs.writeFileSync(file, slow.input.text);
      console.log(`  SLOW ${slow.ms.toFixed(0)} ms: ${slow.input.origin} (${path.relative(process.cwd(), file)})`);
    });
    failed ||= report.crashes.length > 0 || report.slow.length > 0;
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
