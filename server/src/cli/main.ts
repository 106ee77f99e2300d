import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { INTERNAL_ERROR, LanguageService, RULES_BY_ID, SEVERITY_SETTINGS, parseKafkaVersion, type HclParser, type ReadResult, type SeveritySetting } from '../core';
import { discoverFiles } from '../node/discover';
import { readConfined } from '../node/readConfined';
import { loadHclParser } from '../node/hcl';
import { VERSION } from '../../../shared/src/constants';
import { locateFindings, type LocatedFinding } from './findings';
import { formatJson, formatSarif, formatText } from './formatters';
import { topologyJson, topologyMermaid } from './topology';
import { LIVE_FILE, liveConnections, liveTopology, observe } from '../node/live/observe';
import type { ObservedCluster } from '../core';

const USAGE = `Usage: mirrorlint check [paths...] [--format text|json|sarif] [--rule <id>=<severity>] [--kafka-version <v>]
       mirrorlint topology [paths...] [--format json|mermaid] [--kafka-version <v>]
       mirrorlint snapshot --live [paths...] [-o <file>]

check     lints MirrorMaker 2 configurations.
topology  prints clusters, enabled flows (policy and filters) and the remote
          topics MM2 creates in each cluster, as JSON or a Mermaid flowchart.
snapshot  reads the clusters of .mirrorlint.yaml's \`live:\` (read-only) and prints
          what they hold as a KafkaTopology file, which check reads like any other.

Folders are searched for *.mm2.properties, mm2.properties,
connect-mirror-maker.properties, any .properties file that declares
\`clusters\`, Kafka Connect JSON of the Mirror connectors, Strimzi
KafkaMirrorMaker2 / KafkaTopic / KafkaUser YAML, KafkaTopology declarations
and .mirrorlint.yaml. Without paths, the current folder is used.

Options:
  --format <format>          check: text (default), json, sarif; topology: json (default), mermaid
  --rule <id>=<severity>     check: override a rule's severity: error, warning, info or off
  --kafka-version <v>        the Kafka release MM2 runs (3.9, 4.1.0); wins over .mirrorlint.yaml.
                             Without it, .mirrorlint.yaml's kafkaVersion, else the newest known.
  --fix                      check: apply every safe fix (as the editor's fix-all does), then report
                             what is left
  --quiet                    check: report errors only
  --max-warnings <n>         check: exit 1 when there are more than n warnings
  -o, --output-file <file>   write the report to a file instead of standard output
  --color, --no-color        check: colour the text report (default: on a terminal, unless NO_COLOR is set)
  --docs-url <url>           check: where the rule pages live, for SARIF's helpUri (default: the repository's docs/rules)
  --live                     check, snapshot: read the clusters of .mirrorlint.yaml's \`live:\` (read-only)
                             and check what they hold too; all clusters or nothing
  --live-timeout <seconds>   the time one cluster may take to answer (default 30)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes (check): 0 no error-level finding (and warnings within --max-warnings), 1 otherwise,
2 usage or internal error, or no file MirrorLint reads under the paths.
`;

class UsageError extends Error {}

const FORMATS = { check: ['text', 'json', 'sarif'], topology: ['json', 'mermaid'], snapshot: ['yaml'] } as const;

interface Options {
  command: 'check' | 'topology' | 'snapshot';
  live: boolean;
  liveTimeoutMs: number;
  format: string;
  paths: string[];
  severities: Record<string, SeveritySetting>;
  kafkaVersion?: string;
  fix: boolean;
  quiet: boolean;
  maxWarnings?: number;
  outputFile?: string;
  color?: boolean;
  docsUrl?: string;
}

const OPTIONS = {
  format: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'kafka-version': { type: 'string' },
  fix: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'docs-url': { type: 'string' },
  live: { type: 'boolean' },
  'live-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseArguments(args: string[]): Options | 'help' | 'version' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...paths] = positionals;
  if (command === 'snapshot' && !values.live) throw new UsageError('snapshot reads live clusters: add --live');
  const liveTimeout = values['live-timeout'];
  if (liveTimeout !== undefined && !/^\d+$/.test(liveTimeout)) throw new UsageError(`--live-timeout ${liveTimeout}: not a number of seconds`);
  if (command !== 'check' && command !== 'topology' && command !== 'snapshot') throw new UsageError(command === undefined ? 'missing command' : `unknown command \`${command}\``);
  const allowed: readonly string[] = FORMATS[command];
  const format = values.format ?? allowed[0];
  if (!allowed.includes(format)) throw new UsageError(`unknown format \`${format}\` for ${command} (use ${allowed.join(', ')})`);
  const severities: Record<string, SeveritySetting> = {};
  for (const value of values.rule ?? []) {
    const [id, severity] = value.split('=');
    if (!RULES_BY_ID.has(id)) throw new UsageError(`unknown rule \`${id}\``);
    if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) throw new UsageError(`--rule ${value}: severity must be error, warning, info or off`);
    severities[id] = severity as SeveritySetting;
  }
  const kafkaVersion = values['kafka-version'];
  if (kafkaVersion !== undefined && !parseKafkaVersion(kafkaVersion)) throw new UsageError(`--kafka-version ${kafkaVersion}: not a Kafka version (like 3.9 or 4.1.0)`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings ${maxWarnings}: not a number of warnings`);
  return {
    command,
    format,
    paths: paths.length ? paths : ['.'],
    severities,
    kafkaVersion,
    fix: values.fix ?? false,
    quiet: values.quiet ?? false,
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    outputFile: values['output-file'],
    color: values['no-color'] ? false : values.color,
    docsUrl: values['docs-url'],
    live: values.live ?? false,
    liveTimeoutMs: (liveTimeout === undefined ? 30 : Number(liveTimeout)) * 1000,
  };
}

let hclParser: HclParser | undefined;

/** Loads the Terraform parser (WebAssembly, asynchronous) for the synchronous run() that follows. */
export async function loadTerraformSupport(): Promise<void> {
  hclParser = await loadHclParser();
}

/** Analyses the given paths together, as one workspace: a loop may span the configs of two MM2 clusters. */
function analyse(options: Options, cwd: string, files: string[], writeError: (text: string) => void, extra?: { file: string; text: string }) {
  // Declarations may name schema files: read only inside the paths the user gave.
  const roots = options.paths.map((p) => path.resolve(cwd, p)).map((p) => (fs.statSync(p).isDirectory() ? p : path.dirname(p)));
  const readText = (file: string): ReadResult => {
    const read = readConfined(file, roots);
    return read.text ?? { unreadable: read.reason };
  };
  const service = new LanguageService({ readText, log: (message) => writeError(`${message}\n`), hcl: hclParser });
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  if (extra) texts.set(extra.file, extra.text);
  return { texts, snapshot: service.analyze([...texts].map(([uri, text]) => ({ uri, text })), { folders: [], forcedSeverities: options.severities, forcedKafkaVersion: options.kafkaVersion }) };
}

/** `terminal`: whether standard output is a terminal that shows colours (the default for --color). */
export function run(args: string[], cwd: string, write: (text: string) => void, writeError: (text: string) => void, terminal = false, observed?: Record<string, ObservedCluster>, takenAt = new Date().toISOString()): number {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`mirrorlint: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    write(USAGE);
    return 0;
  }
  if (options === 'version') {
    write(`${VERSION}\n`);
    return 0;
  }
  const { files, missing } = discoverFiles(options.paths, cwd);
  if (missing.length) {
    writeError(`mirrorlint: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
  }
  let { texts, snapshot } = analyse(options, cwd, files, writeError);
  if (snapshot.files.length === 0) {
    writeError(`mirrorlint: no MM2 configuration, Strimzi resource, Connect JSON, declaration or .mirrorlint.yaml under ${options.paths.join(', ')}\n`);
    return 2;
  }
  const output = options.outputFile === undefined ? write : (text: string) => {
    const file = path.resolve(cwd, options.outputFile!);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  // Live: the observed facts join the analysis as one more declaration file.
  let live: { file: string; text: string } | undefined;
  if (options.live) {
    if (!observed) {
      writeError('mirrorlint: --live reads clusters: use the command line, not run()\n');
      return 2;
    }
    live = { file: path.join(cwd, LIVE_FILE), text: liveTopology(snapshot, observed, takenAt) };
    if (options.command === 'snapshot') {
      output(live.text);
      return 0;
    }
    ({ texts, snapshot } = analyse(options, cwd, files, writeError, live));
  }
  if (options.command === 'check' && options.fix) {
    let changed = false;
    for (const { uri } of snapshot.files) {
      if (uri === live?.file) continue;
      const fixed = snapshot.fixAllEdit(uri);
      if (!fixed) continue;
      const text = texts.get(uri)!;
      fs.writeFileSync(uri, text.slice(0, fixed.edit.range.start) + fixed.edit.newText + text.slice(fixed.edit.range.end));
      changed = true;
    }
    if (changed) ({ texts, snapshot } = analyse(options, cwd, files, writeError, live));
  }
  const internalError = snapshot.files.some((f) => f.findings.some((finding) => finding.ruleId === INTERNAL_ERROR));
  if (options.command === 'topology') {
    output(options.format === 'mermaid' ? topologyMermaid(snapshot) : topologyJson(snapshot, cwd));
    return internalError ? 2 : 0;
  }
  const findings: LocatedFinding[] = [];
  for (const { uri, findings: found } of snapshot.files) findings.push(...locateFindings(uri, texts.get(uri)!, found, cwd, (other) => texts.get(other)));
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const shown = options.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  if (options.format === 'json') output(formatJson(shown));
  else if (options.format === 'sarif') output(formatSarif(shown, cwd, options.docsUrl));
  else output(formatText(shown, files.length, options.color ?? (terminal && options.outputFile === undefined)));
  if (internalError) return 2;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    writeError(`mirrorlint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** The exit code of a command stopped by a signal, as shells report one (128 + its number). */
const INTERRUPTED = 130;

/**
 * `run`, after reading the live clusters when `--live` asks for them (the only asynchronous step).
 * An abort while the clusters are read (Ctrl+C) ends it at once with nothing checked.
 */
export async function runWithLive(args: string[], cwd: string, write: (text: string) => void, writeError: (text: string) => void, terminal = false, interrupt?: AbortSignal): Promise<number> {
  await loadTerraformSupport();
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(args);
  } catch {
    return run(args, cwd, write, writeError, terminal);
  }
  if (typeof options === 'string' || !options.live) return run(args, cwd, write, writeError, terminal);
  const { files } = discoverFiles(options.paths, cwd);
  const connections = liveConnections(files);
  if (connections.size === 0) {
    writeError('mirrorlint: --live: no `live:` connections in a .mirrorlint.yaml under the paths\n');
    return 2;
  }
  const interrupted = new Promise<undefined>((resolve) => interrupt?.addEventListener('abort', () => resolve(undefined), { once: true }));
  const read = await Promise.race([observe(connections, options.liveTimeoutMs), interrupted]);
  if (!read) {
    writeError('mirrorlint: live: interrupted while reading the clusters; nothing checked\n');
    return INTERRUPTED;
  }
  const { observed, errors } = read;
  if (!observed) {
    for (const error of errors) writeError(`mirrorlint: live: cannot read ${error}\n`);
    writeError('mirrorlint: live: nothing checked (every cluster or none)\n');
    return 2;
  }
  return run(args, cwd, write, writeError, terminal, observed);
}

export async function main(): Promise<void> {
  const interrupt = new AbortController();
  // Only a live read waits on the network; everything else is synchronous and ends as Node does.
  if (process.argv.includes('--live')) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupt.abort());
  try {
    const terminal = process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.exitCode = await runWithLive(process.argv.slice(2), process.cwd(), (t) => process.stdout.write(t), (t) => process.stderr.write(t), terminal, interrupt.signal);
    // Reads still waiting on a cluster would keep the process alive until their time limit.
    if (interrupt.signal.aborted) process.stderr.write('', () => process.exit(INTERRUPTED));
  } catch (error) {
    process.stderr.write(`mirrorlint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) void main();
