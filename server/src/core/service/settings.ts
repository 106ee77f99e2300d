import type { ValidateFunction } from 'ajv';
import { compileOwnSchema } from '../base/schemas';
import workspaceConfigSchema from '../../../../schemas/mirrorlint-config.json';
import { closestMatch } from '../base/closest';
import { DEFAULT_SETTINGS, type MirrorLintSettings, type SeveritySetting } from '../../../../shared/src/settings';
import { RULES_BY_ID } from '../lint/rules';
import { parseKafkaVersion } from '../mm2/versions';

let validate: ValidateFunction | undefined;

/**
 * The editor's `mirrorlint` settings section, validated by the schema of `.mirrorlint.yaml` (the
 * same keys mean the same there). Whatever is malformed is dropped and said, so that a misspelt
 * rule id is reported as the CLI reports it, instead of being ignored.
 */
export function readSettings(raw: unknown): { settings: MirrorLintSettings; problems: string[] } {
  const problems: string[] = [];
  const section = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  // An editor sends every setting with its default: an empty kafkaVersion means "not set".
  const unset = (value: unknown): boolean => value === undefined || value === null || value === '';
  const subset = Object.fromEntries(['rules', 'ignore', 'clusters', 'kafkaVersion'].filter((k) => !unset(section[k])).map((k) => [k, section[k]]));
  validate ??= compileOwnSchema(workspaceConfigSchema);
  if (!validate(subset)) {
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'propertyNames' || error.propertyName !== undefined) continue; // rule ids: said below, with a suggestion
      problems.push(`mirrorlint.${error.instancePath.slice(1).replace(/\//g, '.')} ${error.message ?? 'is not valid'}`);
    }
  }
  const rules: Record<string, SeveritySetting> = {};
  const rawRules = section.rules && typeof section.rules === 'object' ? (section.rules as Record<string, unknown>) : {};
  for (const [id, severity] of Object.entries(rawRules)) {
    if (!RULES_BY_ID.has(id)) {
      const guess = closestMatch(id, RULES_BY_ID.keys());
      problems.push(`mirrorlint.rules: \`${id}\` is not a MirrorLint rule${guess ? ` (did you mean \`${guess}\`?)` : ''}.`);
      continue;
    }
    if (severity === 'error' || severity === 'warning' || severity === 'info' || severity === 'off') rules[id] = severity;
  }
  const ignore = Array.isArray(section.ignore) ? section.ignore.filter((g): g is string => typeof g === 'string') : typeof section.ignore === 'string' ? [section.ignore] : [];
  const clusters: MirrorLintSettings['clusters'] = {};
  if (section.clusters && typeof section.clusters === 'object') {
    for (const [alias, mapping] of Object.entries(section.clusters as Record<string, unknown>)) {
      const m = mapping as { paths?: unknown; strimziCluster?: unknown; aivenService?: unknown } | null;
      if (!m || typeof m !== 'object') continue;
      const paths = Array.isArray(m.paths) ? m.paths.filter((p): p is string => typeof p === 'string') : typeof m.paths === 'string' ? [m.paths] : [];
      clusters[alias] = { paths, strimziCluster: typeof m.strimziCluster === 'string' ? m.strimziCluster : undefined, aivenService: typeof m.aivenService === 'string' ? m.aivenService : undefined };
    }
  }
  const kafkaVersion = typeof section.kafkaVersion === 'string' && parseKafkaVersion(section.kafkaVersion) ? section.kafkaVersion.trim() : '';
  return { settings: { ...DEFAULT_SETTINGS, rules, ignore, clusters, kafkaVersion }, problems };
}
