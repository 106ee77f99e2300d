import { closestMatch, editDistance } from '../../../base/closest';
import type { OffsetRange } from '../../../base/range';
import type { Fix } from '../../../base/finding';
import type { Setting } from '../../../formats/facts';
import type { StrimziFacts } from '../../../formats/yaml/strimzi';
import { PLACEHOLDER_SERVERS } from './missing-bootstrap-servers';
import type { Mm2Rule, Mm2RuleContext } from '../../types';

function nearestAlias(alias: string, declared: string[]): string | undefined {
  return closestMatch(alias, declared) ?? [...declared].sort((a, b) => editDistance(alias, a) - editDistance(alias, b))[0];
}

export const unknownCluster: Mm2Rule = {
  kind: 'mm2',
  modes: ['dedicated', 'strimzi'],
  meta: {
    id: 'unknown-cluster',
    group: 'properties',
    description: 'A cluster or flow key names an alias that `clusters` does not declare.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      unknown: 'Unknown cluster alias `{{alias}}` in `{{key}}`: {{listed}}, so MM2 ignores this key.{{advice}}',
      strimzi: '`{{role}}: {{alias}}` names no cluster of `spec.clusters` ({{declared}}): Strimzi rejects the resource.{{advice}}',
    },
  },
  check({ mm2, file, report }) {
    if (mm2.strimzi) {
      checkStrimziMirrors(mm2.strimzi, file, report);
      return;
    }
    const declared = mm2.clusters.map((c) => c.alias);
    const known = new Set(declared);
    const check = (setting: Setting, alias: string, span: OffsetRange): void => {
      if (known.has(alias)) return;
      const range = { start: setting.keyOffsets.at(span.start), end: setting.keyOffsets.at(span.end - 1) + 1 };
      const nearest = nearestAlias(alias, declared);
      // `K4` next to `K1` is more likely a fourth cluster than a typo: numbering is not misspelling.
      const onlyDigitsDiffer = nearest !== undefined && alias.replace(/\d/g, '') === nearest.replace(/\d/g, '');
      const plausibleTypo = nearest !== undefined && closestMatch(alias, declared) === nearest && !onlyDigitsDiffer;
      const fixes: Fix[] = [];
      if (nearest) fixes.push({ title: `Rename alias \`${alias}\` to \`${nearest}\``, edits: [file.writer.replaceName(range, nearest)], preferred: plausibleTypo });
      const add = file.writer.addCluster(alias);
      // A new cluster needs an address: a placeholder to fill in, as missing-bootstrap-servers writes one.
      const address = mm2.bootstrapServers(alias) === undefined ? file.writer.insert({ scope: 'cluster', alias }, 'bootstrap.servers', PLACEHOLDER_SERVERS) : undefined;
      if (add) fixes.push({ title: `Add \`${alias}\` to \`clusters\``, edits: address ? [add, address] : [add] });
      report({
        messageId: 'unknown',
        data: {
          alias,
          key: setting.key,
          listed: declared.length ? `\`clusters\` declares ${declared.map((d) => `\`${d}\``).join(', ')}` : 'the file has no `clusters` list',
          advice: plausibleTypo ? ` Did you mean \`${nearest}\`?` : ` Add \`${alias}\` to \`clusters\` or fix the alias.`,
        },
        range,
        related: mm2.clustersSetting ? [{ range: mm2.clustersSetting.valueRange, message: 'Declared clusters' }] : [],
        fixes,
      });
    };
    for (const setting of mm2.settings) {
      const { shape } = setting;
      if (shape.scope === 'cluster') check(setting, shape.alias, shape.aliasSpan);
      if (shape.scope === 'flow') {
        check(setting, shape.source, shape.sourceSpan);
        if (shape.target !== '') check(setting, shape.target, shape.targetSpan);
      }
    }
  },
};

/** v1beta2 mirrors must name clusters of `spec.clusters` (Strimzi rejects the resource otherwise). */
function checkStrimziMirrors(facts: StrimziFacts, file: Mm2RuleContext['file'], report: Mm2RuleContext['report']): void {
  for (const resource of facts.resources) {
    if (resource.clusters.length === 0) continue;
    const declared = resource.clusters.map((c) => c.alias.value);
    for (const mirror of resource.mirrors) {
      for (const [role, fact] of [['sourceCluster', mirror.source], ['targetCluster', mirror.target]] as const) {
        if (!fact || declared.includes(fact.value) || fact === resource.target?.alias) continue;
        const nearest = nearestAlias(fact.value, declared);
        report({
          messageId: 'strimzi',
          data: { role, alias: fact.value, declared: declared.map((d) => `\`${d}\``).join(', '), advice: nearest ? ` Did you mean \`${nearest}\`?` : '' },
          range: fact.valueRange,
          fixes: nearest ? [{ title: `Use \`${nearest}\``, edits: [file.writer.replaceName(fact.valueRange, nearest)], preferred: closestMatch(fact.value, declared) === nearest }] : [],
        });
      }
    }
  }
}
