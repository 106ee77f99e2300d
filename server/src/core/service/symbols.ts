import type { OffsetRange } from '../base/range';
import type { Mm2Facts, Setting } from '../formats/facts';

/** A document symbol, editor-neutral: `range` always contains `selectionRange`. */
export interface SymbolData {
  name: string;
  detail?: string;
  kind: 'cluster' | 'flow' | 'property';
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: SymbolData[];
}

const cover = (ranges: OffsetRange[]): OffsetRange => ({ start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) });

function settingSymbol(setting: Setting, name: string): SymbolData {
  const selectionRange = setting.keyRange;
  return {
    name: name || setting.key || '(empty key)',
    detail: setting.value.length > 60 ? `${setting.value.slice(0, 57)}…` : setting.value,
    kind: 'property',
    range: cover([selectionRange, { start: Math.min(setting.span.start, selectionRange.start), end: Math.max(setting.keyRange.end, setting.valueRange.end) }]),
    selectionRange,
    children: [],
  };
}

/** The outline of an MM2 file: clusters with their settings, flows with theirs, then top-level settings. */
export function documentSymbols(mm2: Mm2Facts): SymbolData[] {
  const symbols: SymbolData[] = [];
  const seen = new Set<string>();
  for (const cluster of mm2.clusters) {
    if (seen.has(cluster.alias) || !cluster.alias) continue;
    seen.add(cluster.alias);
    const children = mm2.settings.filter((s) => s.shape.scope === 'cluster' && s.shape.alias === cluster.alias).map((s) => settingSymbol(s, s.shape.property));
    symbols.push({ name: cluster.alias, detail: 'cluster', kind: 'cluster', range: cover([cluster.range, ...children.map((c) => c.range)]), selectionRange: cluster.range, children });
  }
  for (const flow of mm2.flows) {
    const children = mm2.settings.filter((s) => s.shape.scope === 'flow' && s.shape.source === flow.source && s.shape.target === flow.target).map((s) => settingSymbol(s, s.shape.property));
    if (children.length === 0 && !flow.enabled) continue;
    const selectionRange = flow.enabledBy?.keyRange ?? children[0]?.selectionRange ?? mm2.clustersSetting?.keyRange ?? { start: 0, end: 0 };
    symbols.push({
      name: `${flow.source || '?'} → ${flow.target || '?'}`,
      detail: flow.enabled ? 'flow (enabled)' : 'flow (disabled)',
      kind: 'flow',
      range: cover([selectionRange, ...children.map((c) => c.range)]),
      selectionRange,
      children,
    });
  }
  for (const setting of mm2.settings) if (setting.shape.scope === 'top') symbols.push(settingSymbol(setting, setting.key));
  return symbols;
}
