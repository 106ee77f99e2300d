import type { PrefixFamily, PropertyInfo } from '../mm2/catalog';
import type { Mm2Config } from '../model/config';

/** Markdown documentation of a catalog property: doc, type, default, versions. */
export function describeProperty(info: PropertyInfo): string {
  const lines = [`**${info.name}**`, '', info.doc, ''];
  const facts: string[] = [];
  facts.push(`Type: \`${info.type}\`${info.unit ? ` (${info.unit})` : ''}`);
  if (info.defaultValue !== undefined) facts.push(`Default: \`${info.defaultValue === '' ? '""' : info.defaultValue}\``);
  if (info.validValues) facts.push(`Values: ${info.validValues.map((v) => `\`${v}\``).join(', ')}`);
  facts.push(`Scope: ${info.scopes.map((s) => (s === 'top' ? 'top level' : s === 'cluster' ? '`<alias>.`' : '`<source>-><target>.`')).join(', ')}`);
  if (info.connectors && info.owner === 'connector') facts.push(`Read by: ${info.connectors.map((c) => `Mirror${c[0].toUpperCase()}${c.slice(1)}Connector`).join(', ')}`);
  if (info.since) facts.push(`Since Kafka ${info.since}`);
  if (info.deprecated) facts.push(`**Deprecated** since Kafka ${info.deprecated.since}${info.deprecated.replacement ? `: use \`${info.deprecated.replacement}\`` : ''}${info.removedIn ? `; removed in ${info.removedIn}` : ''}`);
  lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n');
}

export function describeFamily(family: PrefixFamily, suffix: string): string {
  return `**${family.prefix}${suffix}**\n\n${family.doc}`;
}

/** Markdown summary of the effective value of `property` on every flow, for top-level keys. */
export function describeEffectiveValues(config: Mm2Config, property: string): string {
  const rows = config.flows
    .filter((flow) => flow.enabled)
    .map((flow) => {
      const effective = config.effective(flow, property);
      return `| ${flow.id} | \`${effective.value ?? '(none)'}\` | ${effective.origin === 'flow' ? `\`${flow.id}.${property}\`` : effective.origin === 'top' ? 'top level' : 'default'} |`;
    });
  if (rows.length === 0) return '';
  return ['| flow | effective value | from |', '| --- | --- | --- |', ...rows].join('\n');
}
