import type { Mm2Rule } from '../../types';

// Settings the heartbeat connector reads: MM2 runs it for a pair even when replication is off.
const HEARTBEAT_SETTINGS = /^(enabled$|emit\.heartbeats\.|heartbeats\.)/;

export const inactiveFlowSetting: Mm2Rule = {
  kind: 'mm2',
  modes: ['dedicated'],
  meta: {
    id: 'inactive-flow-setting',
    group: 'properties',
    description: 'A setting under `A->B.` for a flow that is never enabled, so it has no effect.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['unnecessary'],
    messages: { inactive: '`{{key}}` has no effect: flow {{flow}} is not enabled ({{reason}}). Set `{{flow}}.enabled = true` or remove the setting.' },
  },
  check({ mm2, file, report }) {
    const flows = new Map(mm2.flows.map((f) => [f.id, f]));
    for (const setting of mm2.settings) {
      const { shape } = setting;
      if (shape.scope !== 'flow' || HEARTBEAT_SETTINGS.test(shape.property)) continue;
      const flow = flows.get(`${shape.source}->${shape.target}`);
      if (!flow || flow.enabled) continue;
      const explicit = mm2.byKey.get(`${flow.id}.enabled`);
      const enable = file.writer.setFlowValue(flow, 'enabled', 'true');
      report({
        messageId: 'inactive',
        data: { key: setting.key, flow: flow.id, reason: flow.enabledReason },
        range: setting.keyRange,
        related: explicit ? [{ range: explicit.keyRange, message: `Flow ${flow.id} is disabled here` }] : [],
        fixes: enable ? [{ title: `Enable flow ${flow.id}`, edits: [enable] }] : [],
      });
    }
  },
};
