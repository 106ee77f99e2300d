import { escapePropertyValue } from '../../../formats/properties/parse';
import type { ConfigEntry } from '../../../model/config';
import { insertLine } from './edits';
import type { Fix, PropertiesRule } from '../../types';

// Settings the heartbeat connector reads: MM2 runs it for a pair even when replication is off.
const HEARTBEAT_SETTINGS = /^(enabled$|emit\.heartbeats\.|heartbeats\.)/;

export const inactiveFlowSetting: PropertiesRule = {
  meta: {
    id: 'inactive-flow-setting',
    description: 'A setting under `A->B.` for a flow that is never enabled, so it has no effect.',
    defaultSeverity: 'warning',
    fixable: true,
    formats: ['properties'],
  },
  check({ config, report }) {
    const flows = new Map(config.flows.map((f) => [f.id, f]));
    const lastEntryOfFlow = new Map<string, ConfigEntry>();
    for (const configEntry of config.entries) {
      if (configEntry.shape.scope === 'flow') lastEntryOfFlow.set(`${configEntry.shape.source}->${configEntry.shape.target}`, configEntry);
    }
    for (const { shape, entry } of config.entries) {
      if (shape.scope !== 'flow' || HEARTBEAT_SETTINGS.test(shape.property)) continue;
      const flow = flows.get(`${shape.source}->${shape.target}`);
      if (!flow || flow.enabled) continue;
      const prefix = `${flow.id}.`;
      const explicit = config.byKey.get(`${prefix}enabled`);
      const enableFix: Fix = explicit
        ? { title: `Enable flow ${flow.id}`, edits: [{ range: explicit.entry.valueRange, newText: escapePropertyValue('true') }] }
        : { title: `Enable flow ${flow.id}`, edits: [insertLine(config, lastEntryOfFlow.get(flow.id), `${prefix}enabled = true`)] };
      report({
        message: `\`${entry.key}\` has no effect: flow ${flow.id} is not enabled (${flow.enabledReason}). Set \`${prefix}enabled = true\` or remove the setting.`,
        range: entry.keyRange,
        related: explicit ? [{ range: explicit.entry.keyRange, message: `Flow ${flow.id} is disabled here` }] : [],
        fixes: [enableFix],
      });
    }
  },
};
