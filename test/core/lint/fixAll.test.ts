import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeProperties, analyzeWorkspace } from '../../../server/src/core';
import { automaticFix, fixAll, minimalEdit } from '../../../server/src/core/lint/fixAll';

const MISTAKES = path.join(__dirname, '..', '..', '..', 'examples', 'mistakes');

describe('fix all', () => {
  it('on the mistakes example leaves only findings that have no automatic fix', () => {
    const text = fs.readFileSync(path.join(MISTAKES, 'mm2.properties'), 'utf8');
    const result = fixAll(text, (t) => analyzeProperties(t).findings);
    assert.deepEqual(result.applied, ['Rename to `topics.exclude`', 'Rename to `groups.exclude`', 'Change to `true`', 'Change to `60`', 'Remove `# rotate me` from the value', 'Remove this suppression comment']);
    // What is left needs a person: a broken escape, which of two values to keep, an alias that may
    // be a new cluster, real bootstrap servers, regexes to rewrite, a flow to enable or not.
    assert.deepEqual(result.remaining.map((f) => f.ruleId), [
      'properties-syntax',
      'duplicate-property',
      'unknown-cluster',
      'missing-bootstrap-servers',
      'invalid-topic-pattern',
      'invalid-topic-pattern',
      'conflicting-settings',
      'inactive-flow-setting',
    ]);
    assert.deepEqual(result.remaining.filter((f) => automaticFix(f)), []);
    assert.ok(result.text.includes('topics.exclude = ') && !result.text.includes('topics.exlude'));
    assert.equal(fixAll(result.text, (t) => analyzeProperties(t).findings).applied.length, 0, 'a second run has nothing to do');
  });

  it('never applies suppressions, alternatives or edits of other files', () => {
    const folder = path.join(MISTAKES, 'active-active-declarations');
    const files = fs.readdirSync(folder).map((f) => ({ uri: path.join(folder, f), text: fs.readFileSync(path.join(folder, f), 'utf8') }));
    const k1 = path.join(folder, 'k1.topology.yaml');
    const analyse = (text: string) => analyzeWorkspace(files.map((f) => (f.uri === k1 ? { uri: k1, text } : f))).get(k1)!.findings;
    const before = files.find((f) => f.uri === k1)!.text;
    const result = fixAll(before, analyse);
    // k1's findings are fixed in K2's files or in mm2.properties, or need a choice: nothing here is automatic.
    assert.deepEqual(result.applied, []);
    assert.equal(result.text, before);
  });

  it('turns a whole-text change into one minimal edit', () => {
    assert.deepEqual(minimalEdit('a = 1\nb = 2\nc = 3\n', 'a = 1\nb = 22\nc = 3\n'), { range: { start: 11, end: 11 }, newText: '2' });
    assert.equal(minimalEdit('same', 'same'), undefined);
    const edit = minimalEdit('abc', 'abXbc')!;
    assert.equal('abc'.slice(0, edit.range.start) + edit.newText + 'abc'.slice(edit.range.end), 'abXbc');
  });
});
