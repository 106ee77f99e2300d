// npm run test:kafka [-- --layers catalog,regex,config,mm2 --versions 3.9.2,4.3.1 --pairs N --configs N --seed N --scenarios <part of a name> --long --require]
// Kafka's own code and a running MirrorMaker 2 as the judge of MirrorLint's semantics (docs/fidelity.md).
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { catalogLayer } from './catalogLayer';
import { configLayer } from './configLayer';
import { prepare, toolchain, WORK } from './java';
import { mm2Layer } from './mm2Layer';
import { regexLayer } from './regexLayer';
import { isKnown, loadKnown, table, writeReport, type LayerResult } from './report';

export const VERSIONS = ['3.9.2', '4.3.1'];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      layers: { type: 'string', default: 'catalog,regex,config,mm2' },
      versions: { type: 'string', default: VERSIONS.join(',') },
      pairs: { type: 'string' },
      configs: { type: 'string' },
      seed: { type: 'string', default: '20261204' },
      long: { type: 'boolean', default: false },
      scenarios: { type: 'string' },
      // CI: a machine without Java or Maven is a failure there, not a skip.
      require: { type: 'boolean', default: false },
    },
  });
  const tools = toolchain();
  if (typeof tools === 'string') {
    if (values.require) {
      console.error(`test:kafka cannot run: ${tools}.`);
      return 1;
    }
    console.log(`test:kafka SKIPPED: ${tools}. Install a JDK 17+ and Maven to run the Kafka-oracle layer (CI has both and runs it).`);
    return 0;
  }
  const layers = values.layers!.split(',');
  const seed = Number(values.seed);
  const pairs = Number(values.pairs ?? (values.long ? 1_000_000 : 100_000));
  const configs = Number(values.configs ?? (values.long ? 100_000 : 10_000));
  const known = loadKnown(path.join(__dirname, 'known-differences.json'));
  const results: LayerResult[] = [];
  for (const version of values.versions!.split(',')) {
    const runtime = prepare(tools, version, (line) => console.log(line));
    if (layers.includes('catalog')) results.push(await catalogLayer(runtime));
    if (layers.includes('regex')) {
      const started = Date.now();
      results.push(await regexLayer(runtime, pairs, seed));
      console.log(`regex ${version}: ${Date.now() - started} ms`);
    }
    if (layers.includes('config')) {
      const started = Date.now();
      results.push(await configLayer(runtime, configs, seed));
      console.log(`config ${version}: ${Date.now() - started} ms`);
    }
    if (layers.includes('mm2')) {
      const started = Date.now();
      results.push(await mm2Layer(runtime, values.scenarios));
      console.log(`mm2 ${version}: ${Date.now() - started} ms`);
    }
  }
  console.log(`\n${table(results, known)}\n`);
  const report = writeReport(WORK, results);
  const unexpected = results.flatMap((r) => r.disagreements).filter((d) => !isKnown(known, d));
  for (const d of unexpected.slice(0, 40)) console.log(`UNEXPECTED ${d.layer} ${d.version} ${d.kind}: ${JSON.stringify(d.subject)} ${JSON.stringify(d.detail)}`);
  console.log(`report: ${path.relative(process.cwd(), report)}`);
  return unexpected.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`test:kafka failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
