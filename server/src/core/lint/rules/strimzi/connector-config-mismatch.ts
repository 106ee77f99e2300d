import { propertyInfo } from '../../../mm2/catalog';
import type { Mm2Rule, Mm2RuleContext } from '../../types';

/** Settings the source and checkpoint connectors of one mirror must agree on (Strimzi docs, issue #4498). */
const SHARED = ['replication.policy.class', 'replication.policy.separator', 'offset-syncs.topic.location', 'topic.filter.class'];

export const connectorConfigMismatch: Mm2Rule = {
  kind: 'mm2',
  modes: ['strimzi', 'connect'],
  meta: {
    id: 'connector-config-mismatch',
    group: 'strimzi',
    description: 'The source and checkpoint connectors of one mirror disagree on naming or offset-sync settings.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      mismatch: '`{{key}}` differs between the connectors of mirror {{source}} → {{target}}. It is `{{sourceValue}}` in sourceConnector but `{{checkpointValue}}` in checkpointConnector: the checkpoint connector then looks for remote topics and offset syncs under other names, and offset translation silently does nothing. Set the same value in both.',
      connectMismatch: '`{{key}}` differs from the MirrorSourceConnector of {{flow}}. It is `{{checkpointValue}}` here but `{{sourceValue}}` there: the checkpoint connector then looks for its remote topics and offset syncs under other names.',
    },
  },
  check(context) {
    const { mm2, file, report } = context;
    if (mm2.mode === 'connect') {
      reportConnectMismatches(context);
      return;
    }
    for (const resource of mm2.strimzi?.resources ?? []) {
      for (const mirror of resource.mirrors) {
        const source = mirror.connectors.sourceConnector;
        const checkpoint = mirror.connectors.checkpointConnector;
        if (!source || !checkpoint) continue;
        for (const key of SHARED) {
          const inSource = source.config.get(key);
          const inCheckpoint = checkpoint.config.get(key);
          const fallback = propertyInfo(key)?.defaultValue ?? '';
          const sourceValue = inSource?.value.trim() ?? fallback;
          const checkpointValue = inCheckpoint?.value.trim() ?? fallback;
          if (sourceValue === checkpointValue) continue;
          const at = inCheckpoint ?? inSource!;
          report({
            messageId: 'mismatch',
            data: { key, sourceValue, checkpointValue, source: mirror.source?.value ?? '?', target: mirror.target?.value ?? '?' },
            range: at.keyRange,
            related: inSource && inCheckpoint ? [{ range: inSource.valueRange, message: 'the source connector\'s value' }] : [],
            fixes: inSource && inCheckpoint ? [{ title: `Use \`${sourceValue}\` in checkpointConnector too`, edits: [file.writer.setValue(inCheckpoint, sourceValue)], preferred: true }] : [],
          });
        }
      }
    }
  },
};

/** Connect mode: the checkpoint connector posted from this file against the source connector of its flow, posted from another. */
function reportConnectMismatches({ uri, file, deployment, report }: Mm2RuleContext): void {
  for (const model of deployment.flows) {
    const checkpoint = model.checkpoint;
    if (!checkpoint || checkpoint.uri !== uri || model.uri === uri) continue;
    // The topic filter too: checkpoints cover the topics both connectors see.
    for (const key of [...SHARED, 'topics', 'topics.exclude']) {
      const inSource = model.value(key);
      const inCheckpoint = checkpoint.view.value(key);
      const fallback = propertyInfo(key)?.defaultValue ?? '';
      const sourceValue = inSource.value?.trim() ?? fallback;
      const checkpointValue = inCheckpoint.value?.trim() ?? fallback;
      if (sourceValue === checkpointValue) continue;
      const anchor = inCheckpoint.setting ?? checkpoint.view.anchor;
      if (!anchor) continue;
      const edit = inCheckpoint.setting ? file.writer.setValue(inCheckpoint.setting, sourceValue) : file.writer.setFlowValue(model.flow, key, sourceValue, 'checkpoint');
      report({
        messageId: 'connectMismatch',
        data: { key, sourceValue, checkpointValue, flow: model.flow.id },
        range: anchor.keyRange,
        related: inSource.setting ? [{ uri: model.uri, range: inSource.setting.valueRange, message: "the source connector's value" }] : [],
        fixes: edit ? [{ title: sourceValue.length <= 40 ? `Use \`${sourceValue}\` here too` : 'Use the source connector\'s value here', edits: [edit], preferred: true }] : [],
      });
    }
  }
}
