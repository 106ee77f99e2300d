import { CLUSTER_SETTINGS } from '../../mm2/catalog/clientProperties';
import { documentedProperties, lookupProperty, propertyInfo, type PropertyInfo, type PropertyScope } from '../../mm2/catalog';
import { describeProperty } from '../../mm2/catalog/describe';
import type { CompletionCandidate } from '../../base/editor';
import type { Mm2Facts } from '../facts';
import type { OffsetRange } from '../../base/range';

const PREFIX_FAMILIES: Record<PropertyScope, string[]> = {
  top: ['ssl.', 'sasl.', 'config.providers.'],
  cluster: ['producer.', 'consumer.', 'admin.', 'ssl.', 'sasl.'],
  flow: ['producer.', 'consumer.', 'admin.', 'source.cluster.', 'target.cluster.', 'source.admin.', 'target.admin.', 'transforms.'],
};

/** What a user sets first in each scope, offered first (the rest follows alphabetically). */
const FIRST: Record<PropertyScope, readonly string[]> = {
  top: ['clusters', 'replication.factor', 'replication.policy.class', 'topics', 'groups'],
  cluster: ['bootstrap.servers', 'security.protocol'],
  flow: ['enabled', 'topics', 'topics.exclude', 'groups', 'sync.group.offsets.enabled', 'emit.checkpoints.enabled'],
};

const sortKey = (scope: PropertyScope, name: string): string => {
  const rank = FIRST[scope].indexOf(name);
  return rank >= 0 ? `0${String(rank).padStart(2, '0')}` : `1${name}`;
};

function lineAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** Completion candidates at `offset`: property names (in every scope) or values. */
export function completeProperties(text: string, mm2: Mm2Facts, offset: number): CompletionCandidate[] {
  const line = lineAround(text, offset);
  let keyStart = line.start;
  while (keyStart < line.end && /[ \t\f]/.test(text[keyStart])) keyStart++;
  if (text[keyStart] === '#' || text[keyStart] === '!') return [];
  let keyEnd = keyStart;
  while (keyEnd < line.end && !/[=: \t\f]/.test(text[keyEnd])) keyEnd += text[keyEnd] === '\\' ? 2 : 1;
  if (offset <= keyEnd) return completeKey(mm2, text.slice(keyStart, offset), { start: keyStart, end: keyEnd });
  let valueStart = keyEnd;
  while (valueStart < line.end && /[ \t\f]/.test(text[valueStart])) valueStart++;
  if (valueStart < line.end && /[=:]/.test(text[valueStart])) valueStart++;
  while (valueStart < line.end && /[ \t\f]/.test(text[valueStart])) valueStart++;
  if (offset < valueStart) return [];
  return completeValue(mm2, keyStart, { start: valueStart, end: line.end });
}

function propertyCandidates(scope: PropertyScope, prefix: string, range: OffsetRange): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = documentedProperties(scope)
    .filter((info) => !info.deprecated && !(scope === 'cluster' && info.owner === 'connector'))
    .map((info) => ({
      label: info.name,
      kind: 'property' as const,
      detail: `${info.type}${info.defaultValue !== undefined ? ` = ${info.defaultValue}` : ''}`,
      documentation: describeProperty(info),
      newText: `${prefix}${info.name} = `,
      filterText: `${prefix}${info.name}`,
      range,
      sortText: sortKey(scope, info.name),
    }));
  const named = new Set(candidates.map((c) => c.label));
  if (scope === 'cluster') {
    for (const name of CLUSTER_SETTINGS) {
      if (named.has(name)) continue;
      candidates.push({ label: name, kind: 'property', detail: 'Kafka client / Connect worker setting', newText: `${prefix}${name} = `, filterText: `${prefix}${name}`, range, sortText: sortKey(scope, name).replace(/^1/, '2') });
    }
  }
  for (const family of PREFIX_FAMILIES[scope]) {
    candidates.push({ label: family, kind: 'prefix', detail: 'prefix for Kafka client settings', newText: `${prefix}${family}`, filterText: `${prefix}${family}`, range, sortText: `3${family}` });
  }
  return candidates;
}

function completeKey(mm2: Mm2Facts, typed: string, keyRange: OffsetRange): CompletionCandidate[] {
  const aliases = [...new Set(mm2.clusters.map((c) => c.alias))];
  const range = keyRange;
  const arrow = typed.indexOf('->');
  if (arrow > 0) {
    const source = typed.slice(0, arrow);
    const afterArrow = typed.slice(arrow + 2);
    const target = aliases.find((a) => afterArrow.startsWith(`${a}.`));
    if (target) return propertyCandidates('flow', `${source}->${target}.`, range);
    return aliases
      .filter((a) => a !== source)
      .map((a) => ({ label: `${source}->${a}.`, kind: 'flow' as const, detail: `settings of the flow from ${source} to ${a}`, newText: `${source}->${a}.`, range }));
  }
  const alias = aliases.find((a) => typed.startsWith(`${a}.`));
  if (alias) return propertyCandidates('cluster', `${alias}.`, range);
  const candidates = propertyCandidates('top', '', range);
  for (const a of aliases) {
    candidates.push({ label: `${a}.`, kind: 'cluster', detail: `settings of cluster ${a}`, newText: `${a}.`, range, sortText: `4${a}` });
    for (const b of aliases) {
      if (a !== b) candidates.push({ label: `${a}->${b}.`, kind: 'flow', detail: `settings of the flow from ${a} to ${b}`, newText: `${a}->${b}.`, range, sortText: `5${a}->${b}` });
    }
  }
  return candidates;
}

function valuesOf(info: PropertyInfo): { values: readonly string[]; kind: CompletionCandidate['kind'] } {
  if (info.type === 'boolean') return { values: ['true', 'false'], kind: 'value' };
  if (info.validValues) return { values: info.validValues, kind: 'value' };
  if (info.knownClasses) return { values: info.knownClasses, kind: 'class' };
  return { values: [], kind: 'value' };
}

function completeValue(mm2: Mm2Facts, keyStart: number, range: OffsetRange): CompletionCandidate[] {
  const setting = mm2.settings.find((s) => s.keyRange.start === keyStart);
  if (!setting) return [];
  const lookup = lookupProperty(setting.shape.property, setting.shape.scope);
  const info = lookup?.kind === 'property' ? lookup.info : lookup?.kind === 'family' ? propertyInfo(lookup.suffix) : undefined;
  if (!info) return [];
  const { values, kind } = valuesOf(info);
  return values.map((value) => ({
    label: value,
    kind,
    detail: value === info.defaultValue ? 'default' : undefined,
    newText: value,
    range,
    sortText: value === info.defaultValue ? `0${value}` : `1${value}`,
  }));
}
