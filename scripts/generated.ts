import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/core/lint/rules';
import { mirrorConnectorSchema } from '../server/src/core/mm2/catalog/connectorSchema';

const ROOT = path.join(__dirname, '..');
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const ruleIds = (): string[] => ALL_RULES.map((r) => r.meta.id).filter((id) => id !== 'internal-error').sort();

/** The rule table, from the rules' metadata: README and docs/rules/README.md show the same. */
export function ruleTable(linkPrefix: string): string {
  const rows = [...ALL_RULES]
    .filter((r) => r.meta.id !== 'internal-error')
    .map(({ meta }) => `| [${meta.id}](${linkPrefix}${meta.id}.md) | ${meta.group} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : '—'} | ${meta.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | group | default | fix | what it reports |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

const between = (text: string, start: string, end: string, body: string): string => {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${start} … ${end} missing`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
};

/** Every generated file with the text it must have. */
export function generatedFiles(): { file: string; text: string }[] {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'mirrorlint-config.json'), 'utf8'));
  config.properties.rules.propertyNames = { enum: ruleIds() };
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  manifest.contributes.configuration.properties['mirrorlint.rules'].propertyNames = { enum: ruleIds() };
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [
    { file: path.join(ROOT, 'schemas', 'mirror-connector.json'), text: json(mirrorConnectorSchema()) },
    { file: path.join(ROOT, 'schemas', 'mirrorlint-config.json'), text: json(config) },
    { file: path.join(ROOT, 'package.json'), text: json(manifest) },
    { file: path.join(ROOT, 'docs', 'rules', 'README.md'), text: `# MirrorLint rules\n\nEvery rule MirrorLint runs, with its group, default severity and whether it offers a quick fix.\nGenerated from the rules' metadata (\`npm run generate\`).\n\n${ruleTable('./')}\n\n[internal-error](internal-error.md) is reported by the engine when a rule fails.\n` },
    { file: path.join(ROOT, 'README.md'), text: between(readme, '<!-- rules:start -->', '<!-- rules:end -->', ruleTable('docs/rules/')) },
  ];
}
