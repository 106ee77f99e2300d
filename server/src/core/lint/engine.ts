import { buildConfig, type Mm2Config } from '../model/config';
import { parseProperties } from '../formats/properties/parse';
import { parseDeclarations, declaresTopology } from '../formats/yaml/declarations';
import type { DeclarationFile } from '../formats/yaml/declarationTypes';
import { bindDeclarations, type DeclaredWorkspace, type UnboundSection } from '../model/declared';
import { configChain, governingConfig, isIgnored, isWorkspaceConfig, parseWorkspaceConfig, type WorkspaceConfig } from '../formats/mirrorlintConfig/read';
import { applySuppressions, UNUSED_SUPPRESSION } from './suppressions';
import { DECLARATION_RULES, PROPERTIES_RULES, RULES_BY_ID, type DeclarationRule, type Finding, type Fix, type PropertiesRule, type RelatedLocation, type Report, type SeveritySetting, type TextEdit } from './rules';
import { mirrorConnectorOf, parseConnectJson } from '../formats/connect/read';
import { declaresKafkaMirrorMaker2, parseStrimziYaml, parseYamlDocuments } from '../formats/yaml/strimzi';
import { topologyOf, workspaceTopology, type Topology } from '../model/topology';
import { groupDeployments } from '../model/deployments';

export interface AnalyzeOptions {
  /** Per-rule severity overrides; `off` disables a rule. A `.mirrorlint.yaml` above the file wins over these (editor settings). */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Overrides that win over `.mirrorlint.yaml` too (the CLI's `--rule`, as ESLint's does). */
  forcedSeverities?: Readonly<Record<string, SeveritySetting>>;
}

export interface PropertiesAnalysis {
  uri: string;
  config: Mm2Config;
  /** The topology this file was checked against: its own, or that of its whole workspace. */
  topology: Topology;
  findings: Finding[];
  /** Topology declarations in this file (KafkaTopology, KafkaTopic, KafkaUser, .mirrorlint.yaml). */
  declarations?: DeclarationFile;
  /** The declared workspaces this file's declarations belong to. */
  declared: DeclaredWorkspace[];
}

export interface WorkspaceInputs {
  /** Reads files the declarations refer to (schema files), by the name they resolve to. */
  readText?: (uri: string) => string | undefined;
  /** Editor settings per workspace folder (see settingsConfig); `.mirrorlint.yaml` files win over them. */
  settingsConfigs?: WorkspaceConfig[];
}

/** What is kept between analyses for a file whose text did not change. */
export interface ParsedFile {
  text: string;
  config: Mm2Config;
  declarations?: DeclarationFile;
  /** `.mirrorlint.yaml`: its settings. */
  workspaceConfig?: WorkspaceConfig;
}

export interface SourceFile {
  uri: string;
  text: string;
}

/** Parses and lints one dedicated-mode MM2 properties file on its own. Never throws on any input text. */
export function analyzeProperties(text: string, options: AnalyzeOptions = {}): PropertiesAnalysis {
  const config = buildConfig(parseProperties(text));
  const analysis = checkConfig('', config, topologyOf(config), options);
  return { ...analysis, findings: suppress(config, analysis.findings, options), declared: [] };
}

/** Suppression comments apply last, to every rule's findings in the file. */
function suppress(config: Mm2Config, findings: Finding[], options: AnalyzeOptions): Finding[] {
  return applySuppressions(config, findings, new Set(RULES_BY_ID.keys()), options.severities?.[UNUSED_SUPPRESSION] ?? 'warning');
}

/** Whether a file is read as Kafka Connect JSON (by name) rather than as a dedicated-mode properties file. */
export const isJsonSource = (uri: string): boolean => /\.json$/i.test(uri);
/** Whether a file is read as Strimzi YAML (by name). */
export const isYamlSource = (uri: string): boolean => /\.ya?ml$/i.test(uri);

/**
 * Whether a file is one MirrorLint analyses, by content in the format its name says: a
 * `.properties` file declaring `clusters`, a Mirror connector's Connect JSON, a KafkaMirrorMaker2,
 * KafkaTopology, KafkaTopic or KafkaUser YAML, or `.mirrorlint.yaml`. Shared by the server (open
 * documents) and file discovery (CLI, workspace index).
 */
export function declaresMm2Content(uri: string, text: string): boolean {
  if (isJsonSource(uri)) return mirrorConnectorOf(text) !== undefined;
  if (isWorkspaceConfig(uri)) return true;
  if (isYamlSource(uri)) return declaresKafkaMirrorMaker2(text) || declaresTopology(text);
  return /\.properties$/i.test(uri) && declaresClusters(text);
}

/** A file's MM2 model and declarations (YAML read once for both), or a `.mirrorlint.yaml`'s settings. */
function parseFile(uri: string, text: string): ParsedFile {
  if (isWorkspaceConfig(uri)) {
    const workspaceConfig = parseWorkspaceConfig(uri, text);
    const { document } = workspaceConfig;
    const declarations: DeclarationFile = { uri, text, format: 'workspace-config', sections: [], topologyDocuments: document ? [document] : [], lineBreak: '\n' };
    return { text, config: parseSource(uri, text), declarations, workspaceConfig };
  }
  if (!isYamlSource(uri)) return { text, config: parseSource(uri, text) };
  const documents = parseYamlDocuments(text);
  return { text, config: parseStrimziYaml(text, documents).config, declarations: declaresTopology(text) ? parseDeclarations(uri, text, documents) : undefined };
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
  parsed?: Map<string, ParsedFile>,
  inputs: WorkspaceInputs = {},
): Map<string, PropertiesAnalysis> {
  const parse = ({ uri, text }: SourceFile) => {
    const cached = parsed?.get(uri);
    const source = cached && cached.text === text ? cached : parseFile(uri, text);
    parsed?.set(uri, source);
    return { uri, ...source };
  };
  // The workspace files first: they say which files to leave out.
  const workspaceConfigs = files.filter((f) => isWorkspaceConfig(f.uri)).map((f) => parse(f).workspaceConfig!);
  const chainFor = (uri: string) => configChain(workspaceConfigs, inputs.settingsConfigs ?? [], uri);
  const sources = files.filter(({ uri }) => isWorkspaceConfig(uri) || !chainFor(uri).some((config) => isIgnored(config, uri))).map(parse);
  // Editor settings < the workspace file < command-line flags.
  const optionsOf = (uri: string): AnalyzeOptions => {
    const own = optionsFor(uri);
    return { severities: { ...own.severities, ...governingConfig(workspaceConfigs, uri)?.rules, ...own.forcedSeverities } };
  };
  const results = new Map<string, PropertiesAnalysis>();
  const deployments = groupDeployments(sources).map((deployment) => ({ configs: deployment, topology: workspaceTopology(deployment) }));
  for (const { configs, topology } of deployments) {
    for (const { uri, config } of configs) results.set(uri, { ...checkConfig(uri, config, topology, optionsOf(uri)), declared: [] });
  }
  const declarationFiles = sources.flatMap((s) => (s.declarations ? [s.declarations] : []));
  const binding = bindDeclarations(declarationFiles, deployments, chainFor, inputs.readText ?? (() => undefined));
  for (const file of declarationFiles) {
    const analysis = results.get(file.uri)!;
    analysis.declarations = file;
    analysis.declared = binding.workspaces.filter((w) => [...w.clusters.values()].some((c) => c.sections.some((s) => s.uri === file.uri)));
    const unbound = binding.unbound.filter((u) => u.uri === file.uri);
    analysis.findings.push(...checkDeclarations(file, analysis.declared, unbound, optionsOf(file.uri)));
  }
  for (const [uri, analysis] of results) analysis.findings = suppress(analysis.config, analysis.findings, optionsOf(uri));
  // Keep the callers' file order.
  return new Map(sources.map(({ uri }) => [uri, results.get(uri)!]));
}

/** Runs one rule, turning a crash into a finding: a rule bug must not take the others (or the server) down. */
function runRule(id: string, findings: Finding[], run: () => void): void {
  try {
    run();
  } catch (error) {
    findings.push({
      ruleId: 'internal-error',
      severity: 'error',
      message: `MirrorLint rule \`${id}\` failed on this file: ${(error as Error).message}. Please report it.`,
      range: { start: 0, end: 0 },
      related: [],
      fixes: [],
    });
  }
}

function checkDeclarations(file: DeclarationFile, workspaces: DeclaredWorkspace[], unbound: UnboundSection[], options: AnalyzeOptions): Finding[] {
  const findings: Finding[] = [];
  const runs: (DeclaredWorkspace | undefined)[] = workspaces.length ? workspaces : [undefined];
  for (const rule of DECLARATION_RULES) {
    const severity = severityOf(rule, options);
    if (severity === 'off') continue;
    const report = (finding: Report) => findings.push({ ...inFileTerms(file.uri, finding), ruleId: rule.meta.id, severity });
    runs.forEach((workspace, i) => runRule(rule.meta.id, findings, () => rule.check({ file, uri: file.uri, workspace, unbound: i === 0 ? unbound : [], report })));
  }
  return findings;
}

/**
 * Related locations and edits in the checked file itself carry no uri, whatever file a rule found
 * them through (topology rules meet this file's flows among the whole deployment's): rules pass
 * the uri they have, and findings come out in one shape.
 */
function inFileTerms(uri: string, finding: Report): Pick<Finding, 'message' | 'range' | 'related' | 'fixes'> {
  const related = finding.related ?? [];
  const fixes = finding.fixes ?? [];
  const relatedHere = (r: RelatedLocation): boolean => r.uri === uri;
  const editHere = (e: TextEdit): boolean => e.uri !== undefined && (!e.uri || e.uri === uri);
  // Most findings name no other file: they pass through without copies (thousands per keystroke).
  if (!related.some(relatedHere) && !fixes.some((fix) => fix.edits.some(editHere))) return { ...finding, related, fixes };
  return {
    ...finding,
    related: related.map((r) => (relatedHere(r) ? { ...r, uri: undefined } : r)),
    fixes: fixes.map((fix) => ({ ...fix, edits: fix.edits.map(({ uri: target, ...edit }) => (target && target !== uri ? { ...edit, uri: target } : edit)) })),
  };
}

const severityOf = (rule: PropertiesRule | DeclarationRule, options: AnalyzeOptions): SeveritySetting => options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;

function checkConfig(uri: string, config: Mm2Config, topology: Topology, options: AnalyzeOptions): Omit<PropertiesAnalysis, 'declared'> {
  const findings: Finding[] = [];
  const fits = fixFilterFor(config);
  for (const rule of PROPERTIES_RULES) {
    if (rule.meta.formats && !rule.meta.formats.includes(config.format)) continue;
    const severity = severityOf(rule, options);
    if (severity === 'off') continue;
    runRule(rule.meta.id, findings, () =>
      rule.check({
        config,
        uri,
        topology,
        report: (reported) => {
          const finding = inFileTerms(uri, reported);
          const fixes = finding.fixes.filter(fits).map((fix) => encodeForFormat(config, fix));
          findings.push({ ...finding, fixes, ruleId: rule.meta.id, severity });
        },
      }));
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
