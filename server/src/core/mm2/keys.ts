import { lookupProperty } from './catalog';
import type { OffsetRange } from '../base/range';

/** How MM2 reads one key of a dedicated-mode file. Offsets are relative to the key's first character. */
export type KeyShape =
  | { scope: 'top'; property: string }
  | { scope: 'cluster'; alias: string; aliasSpan: OffsetRange; property: string; propertyStart: number }
  | {
      scope: 'flow';
      source: string;
      target: string;
      sourceSpan: OffsetRange;
      targetSpan: OffsetRange;
      property: string;
      propertyStart: number;
    };

/** Where a key puts a setting: every flow, one cluster's clients and worker, or one flow. */
export type KeyScope = { scope: 'top' } | { scope: 'cluster'; alias: string } | { scope: 'flow'; source: string; target: string };

const FLOW_ARROW = '->';

/** The longest declared alias that `text` starts with, followed by a dot. */
function longestAliasPrefix(text: string, aliases: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  for (let dot = text.indexOf('.'); dot > 0; dot = text.indexOf('.', dot + 1)) {
    const prefix = text.slice(0, dot);
    if (aliases.has(prefix)) best = prefix;
  }
  return best;
}

/**
 * Splits a key into scope, aliases and property name. Known aliases win (they may contain dots);
 * otherwise the first dot ends the alias. A key whose first segment is not a declared alias is
 * read as a top-level property unless the rest is a setting MM2 knows under a cluster prefix, in
 * which case it is a cluster key with an undeclared alias.
 */
export function parseKey(key: string, aliases: ReadonlySet<string>): KeyShape {
  const arrow = key.indexOf(FLOW_ARROW);
  if (arrow > 0) {
    const source = key.slice(0, arrow);
    const afterArrow = key.slice(arrow + FLOW_ARROW.length);
    const target = longestAliasPrefix(afterArrow, aliases) ?? afterArrow.split('.')[0];
    const targetStart = arrow + FLOW_ARROW.length;
    const propertyStart = Math.min(key.length, targetStart + target.length + 1);
    return {
      scope: 'flow',
      source,
      target,
      sourceSpan: { start: 0, end: arrow },
      targetSpan: { start: targetStart, end: targetStart + target.length },
      property: key.slice(propertyStart),
      propertyStart,
    };
  }
  const alias = longestAliasPrefix(key, aliases);
  if (alias !== undefined) return clusterKey(key, alias);
  // `producer.acks` is a client setting written without its cluster prefix, not a cluster `producer`.
  if (lookupProperty(key, 'top') || lookupProperty(key, 'cluster')) return { scope: 'top', property: key };
  const dot = key.indexOf('.');
  if (dot > 0) {
    const rest = key.slice(dot + 1);
    if (lookupProperty(rest, 'cluster')) return clusterKey(key, key.slice(0, dot));
  }
  return { scope: 'top', property: key };
}

function clusterKey(key: string, alias: string): KeyShape {
  return { scope: 'cluster', alias, aliasSpan: { start: 0, end: alias.length }, property: key.slice(alias.length + 1), propertyStart: alias.length + 1 };
}

/** The key prefix that puts a property into the same scope as `shape`. */
export function scopePrefix(shape: KeyShape | KeyScope): string {
  if (shape.scope === 'cluster') return `${shape.alias}.`;
  if (shape.scope === 'flow') return `${shape.source}${FLOW_ARROW}${shape.target}.`;
  return '';
}

export function flowId(source: string, target: string): string {
  return `${source}${FLOW_ARROW}${target}`;
}
