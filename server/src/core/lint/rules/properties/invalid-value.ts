import type { Mm2Facts, Setting } from '../../../formats/facts';
import { definedIn, propertyInfo } from '../../../mm2/catalog';
import { parsesTrue } from '../../../mm2/lists';
import { validateListItems, validateValue } from '../../../mm2/values';
import type { Mm2Rule } from '../../types';
import { reachesConnector } from './reach';

export const invalidValue: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'invalid-value',
    group: 'properties',
    description: 'A value that Kafka\'s config validation rejects (wrong type, out of range, not one of the allowed values), or a flow switch MM2 reads as false.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      invalid: '{{problem}}',
      readAsFalse: '`{{key}} = {{value}}` is read as false: flow {{flow}} does not run.',
    },
  },
  check({ mm2, file, report, kafka }) {
    for (const setting of mm2.settings) {
      // MM2 reads the last of repeated keys only (duplicate-property reports the others).
      if (setting.overridden) continue;
      const { shape, lookup } = setting;
      const info = lookup?.kind === 'property' ? lookup.info : lookup?.kind === 'family' ? propertyInfo(lookup.suffix) : undefined;
      // A property the release does not define is not validated (unknown-property and deprecated-property say so).
      if (!info || !definedIn(info, kafka)) continue;
      if (shape.scope === 'cluster' && info.owner === 'connector') continue;
      // A Connect connector validates only its own ConfigDef: another Mirror connector's setting is not checked (unknown-property says so).
      if (mm2.connector && info.owner === 'connector' && info.connectors && !info.connectors.includes(mm2.connector.role)) continue;
      if (enablesNothing(mm2, setting)) {
        const flow = shape.scope === 'flow' ? `${shape.source}->${shape.target}` : '';
        report({ messageId: 'readAsFalse', data: { key: setting.key, value: setting.value, flow }, range: valueOrKey(setting), fixes: [{ title: 'Change to `true`', edits: [file.writer.setValue(setting, 'true')], preferred: /^(true|yes|on|1)$/i.test(setting.value.trim()) }] });
        continue;
      }
      const listProblem = validateListItems(info, setting.value, kafka);
      // Regex syntax is invalid-topic-pattern's; what ConfigDef checks of every list is this rule's.
      const problem = listProblem ?? (info.regexList ? undefined : validateValue(info, setting.value));
      if (!problem) continue;
      if (info.name === 'clusters' && !kafka.validatesListItems && !blankClusterRuns(mm2)) continue;
      // A connector setting that no connector gets (shadowed everywhere, or for pairs MM2 never creates) is never validated.
      if (info.owner === 'connector' && !reachesConnector(mm2, setting, info.name, 'validated')) continue;
      report({
        messageId: 'invalid',
        data: { problem: problem.message },
        range: valueOrKey(setting),
        undecided: problem.since !== undefined && !kafka.configured,
        fixes: problem.replacement ? [{ title: `Change to \`${problem.replacement}\``, edits: [file.writer.setValue(setting, problem.replacement)], preferred: true }] : [],
      });
    }
  },
};

/** Before 4.2, the cluster named "" gets herders (pairs with every other cluster) when heartbeats are on for them. */
function blankClusterRuns(mm2: Mm2Facts): boolean {
  const heartbeats = mm2.byKey.get('emit.heartbeats.enabled');
  return heartbeats === undefined || heartbeats.shape.scope !== 'top' || parsesTrue(heartbeats.value);
}

const valueOrKey = (setting: Setting) => (setting.valueRange.end > setting.valueRange.start ? setting.valueRange : setting.keyRange);

/**
 * `A->B.enabled = true ` (a trailing blank), `= yes`: MirrorMakerConfig.clusterPairs reads the
 * switch with Boolean.parseBoolean, so unless heartbeats make MM2 create the pair anyway, the flow
 * never gets a connector. Only values meant as true: `false` in any spelling means what it says.
 */
function enablesNothing(mm2: Mm2Facts, setting: Setting): boolean {
  const { shape } = setting;
  if (mm2.mode !== 'dedicated' || shape.scope !== 'flow' || shape.property !== 'enabled') return false;
  if (parsesTrue(setting.value) || setting.value.trim().toLowerCase() === 'false') return false;
  return !reachesConnector(mm2, setting, 'enabled', 'validated');
}
