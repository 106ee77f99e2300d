import type { SeveritySetting } from '../core/lint/rules';

/** The `mirrorlint.*` settings the server reads per document (resource scope). */
export interface MirrorLintSettings {
  /** Per-rule severity overrides, e.g. `{ "inactive-flow-setting": "off" }`. */
  rules: Record<string, SeveritySetting>;
  /** Globs (relative to the workspace folder) of files not analysed. */
  ignore: string[];
  /** Alias → which declaration files describe it. */
  clusters: Record<string, { paths?: string[]; strimziCluster?: string }>;
}

export const DEFAULT_SETTINGS: MirrorLintSettings = { rules: {}, ignore: [], clusters: {} };

const VALID: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

/** Accepts whatever the client sends and keeps only well-formed overrides. */
export function normalizeSettings(raw: unknown): MirrorLintSettings {
  const rules: Record<string, SeveritySetting> = {};
  const candidate = (raw as { rules?: unknown } | null | undefined)?.rules;
  if (candidate && typeof candidate === 'object') {
    for (const [id, value] of Object.entries(candidate as Record<string, unknown>)) {
      if (typeof value === 'string' && VALID.has(value)) rules[id] = value as SeveritySetting;
    }
  }
  const settings = raw as { ignore?: unknown; clusters?: unknown } | null | undefined;
  const ignore = Array.isArray(settings?.ignore) ? settings!.ignore.filter((g): g is string => typeof g === 'string') : [];
  const clusters: MirrorLintSettings['clusters'] = {};
  if (settings?.clusters && typeof settings.clusters === 'object') {
    for (const [alias, mapping] of Object.entries(settings.clusters as Record<string, unknown>)) {
      const m = mapping as { paths?: unknown; strimziCluster?: unknown } | null;
      if (!m || typeof m !== 'object') continue;
      clusters[alias] = {
        paths: Array.isArray(m.paths) ? m.paths.filter((p): p is string => typeof p === 'string') : [],
        strimziCluster: typeof m.strimziCluster === 'string' ? m.strimziCluster : undefined,
      };
    }
  }
  return { rules, ignore, clusters };
}
