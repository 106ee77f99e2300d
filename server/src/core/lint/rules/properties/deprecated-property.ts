import type { Mm2Facts, Writer } from '../../../formats/facts';
import { propertyRange, siblingSetting } from '../../../formats/settings';
import { definedIn, IDENTITY_REPLICATION_POLICY } from '../../../mm2/catalog';
import type { Mm2Rule, Mm2RuleContext } from '../../types';

export const deprecatedProperty: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'deprecated-property',
    group: 'properties',
    description: 'A property that Kafka deprecated or removed, with its replacement.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['deprecated'],
    messages: {
      noReplacement: '`{{name}}` is deprecated since Kafka {{since}}{{removed}}. {{note}}',
      bothSet: '`{{key}}` is ignored here because `{{newKey}}` is also set. It is deprecated since Kafka {{since}}{{removed}}: remove it.',
      rename: '`{{key}}` is deprecated since Kafka {{since}}{{removed}}: use `{{newKey}}`. {{note}}',
      removedNoReplacement: '`{{name}}` is ignored: Kafka {{removedIn}} removed it. {{note}}',
      removedRename: '`{{key}}` is ignored: Kafka {{removedIn}} removed it. Use `{{newKey}}`.',
      strimziBothSet: '`{{name}}` is deprecated since Strimzi 0.24 and ignored here because `{{replacement}}` is also set. Remove it.',
      strimziRename: '`{{name}}` is deprecated since Strimzi 0.24 and gone from kafka.strimzi.io/v1: use `{{replacement}}`.',
      strimziIdentity: '`{{old}}` is gone from Strimzi images after 0.45. It was deprecated in Strimzi 0.28, and the connector fails to start without it. Use Kafka\'s `{{identity}}`.',
    },
  },
  check({ mm2, file, report, kafka }) {
    reportStrimziDeprecations(mm2, file.writer, report);
    for (const setting of mm2.settings) {
      const { shape, lookup } = setting;
      if (lookup?.kind !== 'property' || !lookup.info.deprecated) continue;
      const { info } = lookup;
      const deprecation = info.deprecated!;
      const prefix = mm2.keyPrefix(shape);
      const range = propertyRange(setting);
      const gone = !definedIn(info, kafka);
      const base = { name: info.name, key: setting.key, since: deprecation.since, removed: info.removedIn ? ` and removed in Kafka ${info.removedIn}` : '', note: deprecation.note, version: kafka.version.text, removedIn: info.removedIn ?? '' };
      if (!deprecation.replacement) {
        report({ messageId: gone ? 'removedNoReplacement' : 'noReplacement', data: base, range });
        continue;
      }
      const newKey = `${prefix}${deprecation.replacement}`;
      const existing = siblingSetting(mm2, setting, deprecation.replacement);
      if (existing) {
        report({
          messageId: 'bothSet',
          data: { ...base, newKey },
          range,
          related: [{ range: existing.keyRange, message: `\`${newKey}\` takes precedence` }],
          fixes: [{ title: `Remove ignored \`${setting.key}\``, edits: [file.writer.remove(setting)], preferred: true }],
        });
        continue;
      }
      report({
        messageId: gone ? 'removedRename' : 'rename',
        data: { ...base, newKey },
        range,
        fixes: [{ title: `Rename to \`${newKey}\``, edits: [file.writer.renameProperty(setting, deprecation.replacement)], preferred: true }],
      });
    }
  },
};

const OLD_IDENTITY = 'io.strimzi.kafka.connect.mirror.IdentityReplicationPolicy';

/** Strimzi's deprecated pattern fields and its old identity policy class. */
function reportStrimziDeprecations(mm2: Mm2Facts, writer: Writer, report: Mm2RuleContext['report']): void {
  for (const resource of mm2.strimzi?.resources ?? []) {
    for (const mirror of resource.mirrors) {
      for (const [name, fact] of mirror.patterns) {
        if (!name.includes('Blacklist')) continue;
        const replacement = name.replace('Blacklist', 'Exclude');
        const both = mirror.patterns.has(replacement);
        report({
          messageId: both ? 'strimziBothSet' : 'strimziRename',
          data: { name, replacement },
          range: fact.keyRange,
          fixes: both ? [] : [{ title: `Rename to \`${replacement}\``, edits: [writer.replaceName(fact.keyRange, replacement)], preferred: true }],
        });
      }
      for (const connector of Object.values(mirror.connectors)) {
        const policy = connector?.config.get('replication.policy.class');
        if (policy?.value.trim() !== OLD_IDENTITY) continue;
        report({
          messageId: 'strimziIdentity',
          data: { old: OLD_IDENTITY, identity: IDENTITY_REPLICATION_POLICY },
          range: policy.valueRange,
          fixes: [{ title: 'Use Kafka\'s IdentityReplicationPolicy', edits: [writer.setValue(policy, IDENTITY_REPLICATION_POLICY)], preferred: true }],
        });
      }
    }
  }
}
