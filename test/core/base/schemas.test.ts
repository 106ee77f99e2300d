// MirrorLint compiles its own schemas without checking them against JSON Schema's meta-schema (a
// third of compiling them, on every cold start): this test checks each one instead.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { compileOwnSchema } from '../../../server/src/core/base/schemas';

const SCHEMAS = path.join(__dirname, '..', '..', '..', 'schemas');

describe('MirrorLint\'s JSON schemas', () => {
  const files = fs.readdirSync(SCHEMAS).filter((name) => name.endsWith('.json'));

  it('are valid JSON Schema (draft-07), each of them', () => {
    assert.ok(files.length >= 5, files.join(', '));
    for (const name of files) {
      const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false });
      assert.equal(ajv.validateSchema(schema), true, `${name}: ${ajv.errorsText(ajv.errors)}`);
    }
  });

  it('compile as the server compiles them and reject what they should', () => {
    const config = compileOwnSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'mirrorlint-config.json'), 'utf8')));
    assert.equal(config({ kafkaVersion: '4.1' }), true);
    assert.equal(config({ kafkaVersion: 'four' }), false);
    assert.equal(config({ rules: { 'topic-config-drift': 'loud' } }), false);
  });
});
