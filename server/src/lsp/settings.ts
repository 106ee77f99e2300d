import type { SeveritySetting } from '../core/rules';

/** The `mirrorlint.*` settings the server reads per document (resource scope). */
export interface MirrorLintSettings {
  /** Per-rule severity overrides, e.g. `{ "inactive-flow-setting": "off" }`. */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: MirrorLintSettings = { rules: {} };

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
  return { rules };
}
