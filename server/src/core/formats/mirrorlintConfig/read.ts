import picomatch from 'picomatch';
import { isMap } from 'yaml';
import { parseYamlDocument } from '../yaml/documents';
import type { LiveConnection, WorkspaceConfig } from './types';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../../base/finding';
import type { FileFacts } from '../facts';
import { hashComments, lineBreakOf } from '../text';
import { yamlProblems } from '../yaml/nodes';
import { yamlWriter } from '../yaml/write';
import { child, pairs, scalarRange, scalarText } from '../yaml/nodes';
import { directoryOf, relativeTo } from '../../base/paths';

export const WORKSPACE_CONFIG_NAME = '.mirrorlint.yaml';

export type { ClusterMapping, RegistrySharing, WorkspaceConfig } from './types';

export function isWorkspaceConfig(uri: string): boolean {
  return uri.replace(/\\/g, '/').split('/').pop() === WORKSPACE_CONFIG_NAME;
}

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);

function stringList(node: unknown): string[] {
  const value = (node as { toJSON?: () => unknown } | undefined)?.toJSON?.();
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads `.mirrorlint.yaml`; unreadable parts are left out (and reported by the schema rule). Never throws. */
export function parseWorkspaceConfig(uri: string, text: string): WorkspaceConfig {
  const config: WorkspaceConfig = { uri, directory: directoryOf(uri), clusters: [], schemaRegistry: 'separate', rules: {}, ruleKeys: [], ignore: [], live: {} };
  try {
    const { document, problem } = parseYamlDocument(text);
    if (!document) {
      config.unread = problem;
      return config;
    }
    config.document = document;
    const root = document.contents;
    for (const pair of pairs(child(root, 'clusters').pair?.value)) {
      const key = pair.key as { value?: unknown } | null;
      if (key?.value === undefined || key.value === null) continue;
      const settings = isMap(pair.value) ? pair.value : undefined;
      const strimziCluster = child(settings, 'strimziCluster').fact?.value;
      const aivenService = child(settings, 'aivenService').fact?.value;
      config.clusters.push({
        alias: String(key.value),
        aliasRange: scalarRange(pair.key as never),
        paths: stringList(child(settings, 'paths').pair?.value),
        strimziCluster: strimziCluster || undefined,
        aivenService: aivenService || undefined,
      });
    }
    if (child(root, 'schemaRegistry').fact?.value === 'shared') config.schemaRegistry = 'shared';
    for (const pair of pairs(child(root, 'rules').pair?.value)) {
      const rule = (pair.key as { value?: unknown } | null)?.value;
      if (typeof rule === 'string') config.ruleKeys.push({ id: rule, range: scalarRange(pair.key as never) });
      const severity = (pair.value as { value?: unknown } | null)?.value;
      if (typeof rule === 'string' && typeof severity === 'string' && SEVERITIES.has(severity)) config.rules[rule] = severity as SeveritySetting;
    }
    config.ignore = stringList(child(root, 'ignore').pair?.value);
    config.live = liveConnections(child(root, 'live').pair?.value);
    const kafkaVersion = scalarText(child(root, 'kafkaVersion').pair?.value);
    if (kafkaVersion) config.kafkaVersion = kafkaVersion;
  } catch {
    // Unreadable YAML: document-syntax reports it; the settings stay at their defaults.
  }
  return config;
}

/** `live:` — alias → connection; entries without `bootstrapServers` are left out (the schema rule says why). */
function liveConnections(node: unknown): Record<string, LiveConnection> {
  const live: Record<string, LiveConnection> = {};
  const text = (parent: unknown, key: string): string | undefined => scalarText(child(parent, key).pair?.value);
  for (const pair of pairs(node)) {
    const alias = scalarText(pair.key);
    const bootstrapServers = text(pair.value, 'bootstrapServers');
    if (alias === undefined || !bootstrapServers) continue;
    const connection: LiveConnection = { bootstrapServers };
    const sasl = child(pair.value, 'sasl').pair?.value;
    const [mechanism, username, password] = ['mechanism', 'username', 'password'].map((key) => text(sasl, key));
    if (mechanism && username !== undefined && password !== undefined) connection.sasl = { mechanism, username, password };
    const tls = child(pair.value, 'tls').pair?.value;
    if (scalarText(tls) === 'true') connection.tls = {};
    else if (isMap(tls)) connection.tls = { ca: text(tls, 'ca'), cert: text(tls, 'cert'), key: text(tls, 'key') };
    live[alias] = connection;
  }
  return live;
}

/** A folder entry (`clusters/k1/` or `clusters/k1`) covers everything below it; globs are taken as written. */
function globsOf(entry: string): string[] {
  const trimmed = entry.replace(/^\.\//, '').replace(/\/+$/, '');
  return picomatch.scan(trimmed).isGlob ? [trimmed] : [trimmed, `${trimmed}/**`];
}

const MATCHERS = new Map<string, (path: string) => boolean>();
function matches(globs: string[], path: string): boolean {
  return globs.some((glob) => {
    let test = MATCHERS.get(glob);
    if (!test) MATCHERS.set(glob, (test = picomatch(globsOf(glob), { dot: true })));
    return test(path);
  });
}

/** The alias a file is mapped to by its path, if any. */
export function aliasForPath(config: WorkspaceConfig, uri: string): string | undefined {
  const relative = relativeTo(config.directory, uri);
  if (relative === undefined) return undefined;
  return config.clusters.find((cluster) => matches(cluster.paths, relative))?.alias;
}

/** Whether the config tells MirrorLint to leave a file alone. */
export function isIgnored(config: WorkspaceConfig, uri: string): boolean {
  const relative = relativeTo(config.directory, uri);
  return relative !== undefined && config.ignore.length > 0 && matches(config.ignore, relative);
}

/** The config that governs a file: the one in the nearest folder above it. */
export function governingConfig(configs: WorkspaceConfig[], uri: string): WorkspaceConfig | undefined {
  let best: WorkspaceConfig | undefined;
  for (const config of configs) {
    if (relativeTo(config.directory, uri) === undefined) continue;
    if (!best || config.directory.length > best.directory.length) best = config;
  }
  return best;
}

/** Editor settings (`mirrorlint.ignore`, `mirrorlint.clusters`) of a workspace folder, as a config below any `.mirrorlint.yaml`. */
export function settingsConfig(folderUri: string, settings: { ignore?: string[]; clusters?: Record<string, { paths?: string[]; strimziCluster?: string; aivenService?: string }>; kafkaVersion?: string }): WorkspaceConfig {
  const directory = folderUri.replace(/\/+$/, '');
  return {
    uri: `${directory}/(settings)`,
    directory,
    clusters: Object.entries(settings.clusters ?? {}).map(([alias, mapping]) => ({ alias, aliasRange: { start: 0, end: 0 }, paths: mapping.paths ?? [], strimziCluster: mapping.strimziCluster, aivenService: mapping.aivenService })),
    schemaRegistry: 'separate',
    rules: {},
    ruleKeys: [],
    ignore: settings.ignore ?? [],
    live: {},
    kafkaVersion: settings.kafkaVersion || undefined,
    fromSettings: true,
  };
}

/**
 * The configs that govern a file, strongest first: the nearest `.mirrorlint.yaml` above it, then
 * the editor settings of its workspace folder (the workspace file wins where both say something).
 */
export function configChain(files: WorkspaceConfig[], settings: WorkspaceConfig[], uri: string): WorkspaceConfig[] {
  return [governingConfig(files, uri), governingConfig(settings, uri)].filter((c): c is WorkspaceConfig => c !== undefined);
}

/** Reads a `.mirrorlint.yaml` as a file of the workspace: its settings, and its document for schema validation. */
export function readMirrorlintConfigFile(uri: string, text: string): FileFacts {
  const mirrorlintConfig = parseWorkspaceConfig(uri, text);
  const { document } = mirrorlintConfig;
  const lineBreak = lineBreakOf(text);
  return {
    uri,
    text,
    syntax: 'yaml',
    kind: 'mirrorlint-config',
    lineBreak,
    problems: document ? yamlProblems(document, text) : mirrorlintConfig.unread ? [mirrorlintConfig.unread] : [],
    comments: hashComments(text),
    mirrorlintConfig,
    declarations: { uri, text, format: 'workspace-config', sections: [], topologyDocuments: document ? [document] : [], lineBreak },
    writer: yamlWriter(text, lineBreak, undefined, new Map()),
  };
}
