import * as fs from 'node:fs';
import { analyzeWorkspace, parseSource } from '../core/lint/engine';
import { RULES_BY_ID, type SeveritySetting } from '../core/lint/rules';
import { discoverFiles } from '../workspace/discover';
import { locateFindings, type LocatedFinding } from './findings';
import { TOOL_VERSION, formatJson, formatSarif, formatText } from './formatters';
import { topologyJson, topologyMermaid } from './topology';

const USAGE = `Usage: mirrorlint check [paths...] [--format text|json|sarif] [--rule <id>=<severity>]
       mirrorlint topology [paths...] [--format json|mermaid]

check     lints MirrorMaker 2 configurations.
topology  prints clusters, enabled flows (policy and filters) and the remote
          topics MM2 creates in each cluster, as JSON or a Mermaid flowchart.

Folders are searched for *.mm2.properties, mm2.properties,
connect-mirror-maker.properties, any .properties file that declares
\`clusters\`, Kafka Connect JSON of the Mirror connectors, Strimzi
KafkaMirrorMaker2 / KafkaTopic / KafkaUser YAML, KafkaTopology declarations
and .mirrorlint.yaml. Without paths, the current folder is used.

Options:
  --format <format>          check: text (default), json, sarif; topology: json (default), mermaid
  --rule <id>=<severity>     check: override a rule's severity: error, warning, info or off
  -h, --help                 show this help
  -v, --version              print the version

Exit codes (check): 0 no error-level finding, 1 at least one, 2 usage or internal error.
`;

class UsageError extends Error {}

const FORMATS = { check: ['text', 'json', 'sarif'], topology: ['json', 'mermaid'] } as const;

interface Options {
  command: 'check' | 'topology';
  format: string;
  paths: string[];
  severities: Record<string, SeveritySetting>;
}

function parseArguments(args: string[]): Options | 'help' | 'version' {
  if (args.includes('-h') || args.includes('--help')) return 'help';
  if (args.includes('-v') || args.includes('--version')) return 'version';
  const [command, ...rest] = args;
  if (command !== 'check' && command !== 'topology') throw new UsageError(command === undefined ? 'missing command' : `unknown command \`${command}\``);
  const options: Options = { command, format: FORMATS[command][0], paths: [], severities: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const takeValue = (): string => {
      const inline = arg.includes('=') && arg.startsWith('--') ? arg.slice(arg.indexOf('=') + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const format = takeValue();
      const allowed: readonly string[] = FORMATS[command];
      if (!allowed.includes(format)) throw new UsageError(`unknown format \`${format}\` for ${command} (use ${allowed.join(', ')})`);
      options.format = format;
    } else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const value = arg.startsWith('--rule=') ? arg.slice('--rule='.length) : takeValue();
      const [id, severity] = value.split('=');
      if (!RULES_BY_ID.has(id)) throw new UsageError(`unknown rule \`${id}\``);
      if (!['error', 'warning', 'info', 'off'].includes(severity)) throw new UsageError(`--rule ${value}: severity must be error, warning, info or off`);
      options.severities[id] = severity as SeveritySetting;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option \`${arg}\``);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** Files that declarations refer to (schema files), read when they exist and are of a sane size. */
function readSmallFile(file: string): string | undefined {
  try {
    return fs.statSync(file).size <= MAX_REFERENCED_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

const MAX_REFERENCED_BYTES = 5 * 1024 * 1024;

export function run(args: string[], cwd: string, write: (text: string) => void, writeError: (text: string) => void): number {
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
    write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const { files, missing } = discoverFiles(options.paths, cwd);
  if (missing.length) {
    writeError(`mirrorlint: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
  }
  if (options.command === 'topology') {
    const configs = files.map((file) => ({ file, config: parseSource(file, fs.readFileSync(file, 'utf8')) }));
    write(options.format === 'mermaid' ? topologyMermaid(configs) : topologyJson(configs, cwd));
    return 0;
  }
  // All files are analysed as one deployment: a loop may span the configs of two MM2 clusters.
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const analyses = analyzeWorkspace([...texts].map(([uri, text]) => ({ uri, text })), () => ({ forcedSeverities: options.severities }), undefined, { readText: readSmallFile });
  const findings: LocatedFinding[] = [];
  for (const [file, analysis] of analyses) {
    findings.push(...locateFindings(file, texts.get(file)!, analysis.findings, cwd, (uri) => texts.get(uri)));
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  if (options.format === 'json') write(formatJson(findings));
  else if (options.format === 'sarif') write(formatSarif(findings, cwd));
  else write(formatText(findings, files.length));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2), process.cwd(), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
  } catch (error) {
    process.stderr.write(`mirrorlint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) main();
