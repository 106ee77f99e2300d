import type { Mm2Facts } from '../formats/facts';

/** Markdown summary of the effective value of `property` on every flow, for top-level keys. */
export function describeEffectiveValues(mm2: Mm2Facts, property: string): string {
  const rows = mm2.flows
    .filter((flow) => flow.enabled)
    .map((flow) => {
      const effective = mm2.effective(flow, property);
      return `| ${flow.id} | \`${effective.value ?? '(none)'}\` | ${effective.origin === 'flow' ? `\`${flow.id}.${property}\`` : effective.origin === 'top' ? 'top level' : 'default'} |`;
    });
  if (rows.length === 0) return '';
  return ['| flow | effective value | from |', '| --- | --- | --- |', ...rows].join('\n');
}
