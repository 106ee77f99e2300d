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

// Folded rather than spread into Math.min: a cluster of a huge file may have more settings than a call has room for arguments.
const cover = (ranges: OffsetRange[]): OffsetRange => ranges.reduce((all, r) => ({ start: Math.min(all.start, r.start), end: Math.max(all.end, r.end) }));

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
  const byCluster = new Map<string, SymbolData[]>();
  const byFlow = new Map<string, SymbolData[]>();
  const add = (map: Map<string, SymbolData[]>, key: string, symbol: SymbolData): void => {
    const list = map.get(key);
    if (list) list.push(symbol);
    else map.set(key, [symbol]);
  };
  for (const s of mm2.settings) {
    if (s.shape.scope === 'cluster') add(byCluster, s.shape.alias, settingSymbol(s, s.shape.property));
    else if (s.shape.scope === 'flow') add(byFlow, `${s.shape.source}\u0000${s.shape.target}`, settingSymbol(s, s.shape.property));
  }
  for (const cluster of mm2.clusters) {
    if (seen.has(cluster.alias) || !cluster.alias) continue;
    seen.add(cluster.alias);
    const children = byCluster.get(cluster.alias) ?? [];
    symbols.push({ name: cluster.alias, detail: 'cluster', kind: 'cluster', range: cover([cluster.range, ...children.map((c) => c.range)]), selectionRange: cluster.range, children });
  }
  for (const flow of mm2.flows) {
    const children = byFlow.get(`${flow.source}\u0000${flow.target}`) ?? [];
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
