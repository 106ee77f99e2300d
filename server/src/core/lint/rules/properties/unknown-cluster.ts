import type { ConfigEntry, Mm2Config } from '../../../model/config';
import type { OffsetRange } from '../../../base/range';
import { closestMatch, editDistance } from '../../../base/closest';
import type { StrimziFacts } from '../../../formats/yaml/strimzi';
import type { Fix, PropertiesRule, PropertiesRuleContext, TextEdit } from '../../types';

function addToClusters(config: Mm2Config, alias: string): TextEdit {
  const clusters = config.clustersEntry;
  if (!clusters) return { range: { start: 0, end: 0 }, newText: `clusters = ${alias}${config.lineBreak}` };
  const end = clusters.entry.valueRange.end;
  const isEmpty = clusters.entry.value.trim() === '';
  return { range: { start: end, end }, newText: isEmpty ? alias : `, ${alias}` };
}

function nearestAlias(alias: string, declared: string[]): string | undefined {
  return closestMatch(alias, declared) ?? [...declared].sort((a, b) => editDistance(alias, a) - editDistance(alias, b))[0];
}

export const unknownCluster: PropertiesRule = {
  meta: {
    id: 'unknown-cluster',
    description: 'A cluster or flow key names an alias that `clusters` does not declare.',
    defaultSeverity: 'error',
    fixable: true,
    formats: ['properties', 'strimzi-yaml'],
  },
  check({ config, report }) {
    if (config.strimzi) {
      checkStrimziMirrors(config.strimzi, report);
      return;
    }
    const declared = config.clusters.map((c) => c.alias);
    const known = new Set(declared);
    const check = (configEntry: ConfigEntry, alias: string, span: OffsetRange): void => {
      if (known.has(alias)) return;
      const { entry } = configEntry;
      const range = { start: entry.keyOffsets.at(span.start), end: entry.keyOffsets.at(span.end - 1) + 1 };
      const nearest = nearestAlias(alias, declared);
      // `K4` next to `K1` is more likely a fourth cluster than a typo: numbering is not misspelling.
      const onlyDigitsDiffer = nearest !== undefined && alias.replace(/\d/g, '') === nearest.replace(/\d/g, '');
      const plausibleTypo = nearest !== undefined && closestMatch(alias, declared) === nearest && !onlyDigitsDiffer;
      const fixes: Fix[] = [];
      if (nearest) fixes.push({ title: `Rename alias \`${alias}\` to \`${nearest}\``, edits: [{ range, newText: nearest }], preferred: plausibleTypo });
      fixes.push({ title: `Add \`${alias}\` to \`clusters\``, edits: [addToClusters(config, alias)] });
      const listed = declared.length ? `\`clusters\` declares ${declared.map((d) => `\`${d}\``).join(', ')}` : 'the file has no `clusters` list';
      report({
        message: `Unknown cluster alias \`${alias}\` in \`${entry.key}\`: ${listed}, so MM2 ignores this key.${plausibleTypo ? ` Did you mean \`${nearest}\`?` : ` Add \`${alias}\` to \`clusters\` or fix the alias.`}`,
        range,
        related: config.clustersEntry ? [{ range: config.clustersEntry.entry.valueRange, message: 'Declared clusters' }] : [],
        fixes,
      });
    };
    for (const configEntry of config.entries) {
      const { shape } = configEntry;
      if (shape.scope === 'cluster') check(configEntry, shape.alias, shape.aliasSpan);
      if (shape.scope === 'flow') {
        check(configEntry, shape.source, shape.sourceSpan);
        if (shape.target !== '') check(configEntry, shape.target, shape.targetSpan);
      }
    }
  },
};

/** v1beta2 mirrors must name clusters of `spec.clusters` (Strimzi rejects the resource otherwise). */
function checkStrimziMirrors(facts: StrimziFacts, report: PropertiesRuleContext['report']): void {
  for (const resource of facts.resources) {
    if (resource.clusters.length === 0) continue;
    const declared = resource.clusters.map((c) => c.alias.value);
    for (const mirror of resource.mirrors) {
      for (const [role, fact] of [['sourceCluster', mirror.source], ['targetCluster', mirror.target]] as const) {
        if (!fact || declared.includes(fact.value) || fact === resource.target?.alias) continue;
        const nearest = nearestAlias(fact.value, declared);
        report({
          message: `\`${role}: ${fact.value}\` names no cluster of \`spec.clusters\` (${declared.map((d) => `\`${d}\``).join(', ')}): Strimzi rejects the resource.${nearest ? ` Did you mean \`${nearest}\`?` : ''}`,
          range: fact.valueRange,
          fixes: nearest ? [{ title: `Use \`${nearest}\``, edits: [{ range: fact.valueRange, newText: nearest }], preferred: closestMatch(fact.value, declared) === nearest }] : [],
        });
      }
    }
  }
}
