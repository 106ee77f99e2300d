import { closestMatch } from '../../../base/closest';
import { propertyRange } from '../../../formats/settings';
import { definedIn, namesForScope, propertyInfo } from '../../../mm2/catalog';
import type { Mm2Rule } from '../../types';
import { reportMisplaced, reportStrimziClusterConfig } from './misplaced';

const MAX_SUGGESTIONS = 100;

export const unknownProperty: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'unknown-property',
    group: 'properties',
    description: 'A key that MirrorMaker 2 does not read at the place it is written: unknown, misplaced, or of a later Kafka release.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      connectorUnderCluster: '`{{key}}` has no effect: `{{prefix}}…` keys reach only the clients and Connect worker of {{alias}}. `{{property}}` is a connector setting: set it at top level or on a flow{{example}}.',
      clientUnderCluster: '`{{key}}` has no effect: from `{{prefix}}` only connection settings reach MM2\'s clients. Use `{{suggestion}}`.',
      workerInFlow: '`{{key}}` has no effect: MM2\'s Connect workers read their settings from the target cluster\'s prefix. Use `{{suggestion}}`.',
      workerInConnector: '`{{property}}` has no effect in a connector config: it is a Connect worker setting.',
      workerAtTop: '`{{property}}` has no effect at top level: MM2\'s Connect workers read it from the target cluster\'s prefix, e.g. `{{suggestion}}`.',
      sourceConnectorAtTop: '`{{property}}` has no effect at top level: MM2 copies only Mirror connector settings from there. Set it per flow, e.g. `{{suggestion}}`.',
      clientAtTop: 'MM2 ignores `{{property}}` at top level: client settings need a cluster and a client prefix, e.g. `{{suggestion}}`.',
      consumerOverride: '`{{property}}` has no effect: consumer overrides apply to sink connectors, and MirrorSourceTask builds its consumer from `source.consumer.*`.',
      topicCreation: '`{{property}}` has no effect on MM2\'s remote topics: MirrorSourceConnector creates them itself.',
      otherConnector: '`{{property}}` has no effect here: {{connector}} does not read it.',
      unknown: 'Unknown MM2 property `{{property}}`: MirrorMaker 2 ignores it {{where}}.{{suggestion}}',
      strimziClientInCluster: '`{{property}}` in the config of cluster {{alias}} has no effect: only connection settings reach MM2\'s clients from there.',
      strimziUnknownInCluster: 'Unknown setting `{{property}}` in the config of cluster {{alias}}; Kafka ignores it.{{suggestion}}',
      tooNew: '`{{property}}` does not exist in Kafka {{version}}, so MM2 ignores it (added in {{since}}).',
    },
  },
  check(context) {
    const { mm2, file, report, kafka } = context;
    // Suggestions cost an edit-distance scan of the catalog; bound them so a file of garbage stays fast.
    let suggestionsLeft = MAX_SUGGESTIONS;
    const aliases = new Set(mm2.clusters.map((c) => c.alias));
    reportStrimziClusterConfig(context, (name) => (suggestionsLeft-- > 0 ? closestMatch(name, namesForScope('cluster')) : undefined));
    for (const setting of mm2.settings) {
      const { shape, lookup } = setting;
      if (lookup?.kind === 'property' && !lookup.info.deprecated && !definedIn(lookup.info, kafka)) {
        report({ messageId: 'tooNew', data: { property: lookup.info.name, version: kafka.version.text, since: lookup.info.since ?? '?' }, range: propertyRange(setting) });
        continue;
      }
      if (lookup?.kind === 'property' && mm2.connector && lookup.info.owner === 'connector' && lookup.info.connectors && !lookup.info.connectors.includes(mm2.connector.role)) {
        report({ messageId: 'otherConnector', data: { property: lookup.info.name, connector: mm2.connector.className.split('.').pop() ?? mm2.connector.className }, range: propertyRange(setting) });
        continue;
      }
      if (lookup) continue;
      if (shape.scope === 'cluster' && !aliases.has(shape.alias)) continue; // unknown-cluster reports it
      if (shape.scope === 'flow' && (!aliases.has(shape.source) || !aliases.has(shape.target))) continue;
      if (shape.property === '') continue;
      const known = propertyInfo(shape.property);
      if (known?.deprecated) continue; // deprecated-property reports it
      const prefix = mm2.keyPrefix(shape);
      const range = propertyRange(setting);
      if (known && shape.scope === 'cluster') {
        const flow = mm2.flows.find((f) => f.source === shape.alias) ?? mm2.flows.find((f) => f.target === shape.alias);
        report({ messageId: 'connectorUnderCluster', data: { property: shape.property, prefix, alias: shape.alias, key: setting.key, example: flow ? ` (\`${flow.id}.${shape.property}\`)` : '' }, range });
        continue;
      }
      if (reportMisplaced(context, setting)) continue;
      const where =
        mm2.mode !== 'dedicated' ? `in this ${shape.scope === 'flow' ? `${shape.source}->${shape.target} ` : ''}connector config` : shape.scope === 'top' ? 'at top level' : shape.scope === 'cluster' ? `under cluster prefix \`${prefix}\`` : `under flow prefix \`${prefix}\``;
      const suggestion = suggestionsLeft-- > 0 ? closestMatch(shape.property, namesForScope(shape.scope)) : undefined;
      report({
        messageId: 'unknown',
        data: { property: shape.property, where, suggestion: suggestion ? ` Did you mean \`${suggestion}\`?` : '' },
        range,
        fixes: suggestion ? [{ title: `Rename to \`${prefix}${suggestion}\``, edits: [file.writer.renameProperty(setting, suggestion)], preferred: true }] : [],
      });
    }
  },
};

