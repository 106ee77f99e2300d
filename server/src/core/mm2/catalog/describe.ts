import type { PrefixFamily, PropertyInfo } from './types';

/** Markdown documentation of a catalog property: doc, type, default, versions. */
export function describeProperty(info: PropertyInfo): string {
  const lines = [`**${info.name}**`, '', info.doc, ''];
  const facts: string[] = [];
  facts.push(`Type: \`${info.type}\`${info.unit ? ` (${info.unit})` : ''}`);
  const shown = (value: string): string => `\`${value === '' ? '""' : value}\``;
  if (info.defaultValue !== undefined) facts.push(`Default: ${shown(info.defaultValue)}${info.legacyDefault ? ` (before Kafka ${info.legacyDefault.before}: ${shown(info.legacyDefault.value)})` : ''}`);
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
