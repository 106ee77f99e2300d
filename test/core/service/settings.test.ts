import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readSettings } from '../../../server/src/core';

const ROOT = path.join(__dirname, '..', '..', '..');

/** The `mirrorlint` section exactly as VS Code sends it when the user set nothing: every default. */
function editorDefaults(): Record<string, unknown> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown }>;
  const section: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const parts = key.split('.').slice(1);
    let at = section;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = schema.default;
  }
  return section;
}

describe('editor settings', () => {
  it('raise no problem when the user set nothing (every setting at its default)', () => {
    const defaults = editorDefaults();
    assert.ok('kafkaVersion' in defaults && 'rules' in defaults, JSON.stringify(defaults));
    assert.deepEqual(readSettings(defaults).problems, []);
  });

  it('report a Kafka version that is not one, and a misspelt rule id with a suggestion', () => {
    const { problems, settings } = readSettings({ ...editorDefaults(), kafkaVersion: 'latest', rules: { 'unknown-propery': 'off' } });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /kafkaVersion/);
    assert.match(problems.join('\n'), /did you mean `unknown-property`/);
    assert.equal(settings.kafkaVersion, '');
  });
});
