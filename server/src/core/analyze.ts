import { buildConfig, type Mm2Config } from './model/config';
import { parseProperties } from './parse/properties';
import { PROPERTIES_RULES, type Finding, type Fix, type SeveritySetting } from './rules';
import { mirrorConnectorOf, parseConnectJson } from './sources/connectJson';
import { declaresKafkaMirrorMaker2, parseStrimziYaml } from './sources/strimziYaml';
import { topologyOf, workspaceTopology, type Topology } from './topology';
import { groupDeployments } from './topology/deployments';

export interface AnalyzeOptions {
  /** Per-rule severity overrides; `off` disables a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface PropertiesAnalysis {
  uri: string;
  config: Mm2Config;
  /** The topology this file was checked against: its own, or that of its whole workspace. */
  topology: Topology;
  findings: Finding[];
}

export interface SourceFile {
  uri: string;
  text: string;
}

/** Parses and lints one dedicated-mode MM2 properties file on its own. Never throws on any input text. */
export function analyzeProperties(text: string, options: AnalyzeOptions = {}): PropertiesAnalysis {
  const config = buildConfig(parseProperties(text));
  return checkConfig('', config, topologyOf(config), options);
}

/** Whether a file is read as Kafka Connect JSON (by name) rather than as a dedicated-mode properties file. */
export const isJsonSource = (uri: string): boolean => /\.json$/i.test(uri);
/** Whether a file is read as Strimzi YAML (by name). */
export const isYamlSource = (uri: string): boolean => /\.ya?ml$/i.test(uri);

/**
 * Whether a file's content makes it an MM2 config of the format its name says: a `.properties`
 * file declaring `clusters`, a Mirror connector's Connect JSON, a KafkaMirrorMaker2 YAML. Shared by
 * the server (open documents) and file discovery (CLI, workspace index).
 */
export function declaresMm2Content(uri: string, text: string): boolean {
  if (isJsonSource(uri)) return mirrorConnectorOf(text) !== undefined;
  if (isYamlSource(uri)) return declaresKafkaMirrorMaker2(text);
  return /\.properties$/i.test(uri) && declaresClusters(text);
}

/** The model of one source file, whatever its format. */
export function parseSource(uri: string, text: string): Mm2Config {
  if (isYamlSource(uri)) return parseStrimziYaml(text).config;
  if (!isJsonSource(uri)) return buildConfig(parseProperties(text));
  const { config, problems } = parseConnectJson(text);
  config.document.problems.push(...problems);
  return config;
}

/**
 * Lints several MM2 files: each file's own checks, plus topology checks over the flows of all the
 * files of its deployment (a loop whose halves live in two MM2 clusters' configs is still a loop;
 * see groupDeployments for what makes files one deployment).
 * `parsed` lets callers reuse configs of unchanged files.
 */
export function analyzeWorkspace(
  files: SourceFile[],
  optionsFor: (uri: string) => AnalyzeOptions = () => ({}),
  parsed?: Map<string, { text: string; config: Mm2Config }>,
): Map<string, PropertiesAnalysis> {
  const configs = files.map(({ uri, text }) => {
    const cached = parsed?.get(uri);
    const config = cached && cached.text === text ? cached.config : parseSource(uri, text);
    parsed?.set(uri, { text, config });
    return { uri, config };
  });
  const results = new Map<string, PropertiesAnalysis>();
  for (const deployment of groupDeployments(configs)) {
    const topology = workspaceTopology(deployment);
    for (const { uri, config } of deployment) results.set(uri, checkConfig(uri, config, topology, optionsFor(uri)));
  }
  // Keep the callers' file order.
  return new Map(configs.map(({ uri }) => [uri, results.get(uri)!]));
}

function checkConfig(uri: string, config: Mm2Config, topology: Topology, options: AnalyzeOptions): PropertiesAnalysis {
  const findings: Finding[] = [];
  const fits = fixFilterFor(config);
  for (const rule of PROPERTIES_RULES) {
    if (rule.meta.formats && !rule.meta.formats.includes(config.format)) continue;
    const severity = options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    try {
      rule.check({
        config,
        uri,
        topology,
        report: (finding) => {
          const fixes = (finding.fixes ?? []).filter(fits).map((fix) => encodeForFormat(config, fix));
          findings.push({ related: [], ...finding, fixes, ruleId: rule.meta.id, severity });
        },
      });
    } catch (error) {
      // A rule bug must not take the other rules (or the server) down with it.
      findings.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `MirrorLint rule \`${rule.meta.id}\` failed on this file: ${(error as Error).message}. Please report it.`,
        range: { start: 0, end: 0 },
        related: [],
        fixes: [],
      });
    }
  }
  return { uri, config, topology, findings };
}

/**
 * Fixes are written in properties syntax. In other formats only those that replace a key or a value
 * in place are safe (renaming `topics.exlude`, changing a value); insertions and deletions are not.
 */
function fixFilterFor(config: Mm2Config): (fix: Fix) => boolean {
  if (config.format === 'properties') return () => true;
  const ranges = config.entries.flatMap(({ entry }) => [entry.keyRange, entry.valueRange]);
  for (const resource of config.strimzi?.resources ?? []) {
    const fields = [resource.connectCluster, resource.target?.alias, ...resource.clusters.map((c) => c.alias), ...resource.mirrors.flatMap((m) => [m.source, m.target])];
    for (const field of fields) if (field) ranges.push(field.keyRange, field.valueRange);
  }
  const replaceable = new Set(ranges.map((r) => `${r.start}:${r.end}`));
  return (fix) => fix.edits.every((edit) => !edit.uri && edit.newText !== '' && replaceable.has(`${edit.range.start}:${edit.range.end}`));
}

/**
 * Fix texts are plain values; inside a JSON string or a quoted YAML scalar they need that syntax's
 * escapes (a regex's `\.` is `\\.` there), and a plain YAML scalar that would not stay plain is quoted.
 */
function encodeForFormat(config: Mm2Config, fix: Fix): Fix {
  if (config.format === 'properties') return fix;
  const text = config.document.text;
  const encode = (edit: Fix['edits'][number]): string => {
    const before = text[edit.range.start - 1];
    const after = text[edit.range.end];
    const doubleQuoted = before === '"' && after === '"';
    if (config.format === 'connect-json' || doubleQuoted) return edit.newText.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    if (before === "'" && after === "'") return edit.newText.replace(/'/g, "''");
    const plainIsSafe = /^[A-Za-z0-9_.\-/:]*$/.test(edit.newText) && !/: |^[-?:,\[\]{}#&*!|>'"%@`]/.test(edit.newText);
    return plainIsSafe ? edit.newText : JSON.stringify(edit.newText);
  };
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, newText: encode(edit) })) };
}

/** Whether a file looks like a dedicated-mode MM2 config: it declares `clusters`. */
export function declaresClusters(text: string): boolean {
  return /^[ \t\f]*clusters[ \t\f]*[=:\s]/m.test(text);
}
