import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withFixes, type Fix } from '../../../server/src/core/base/finding';

const base = { ruleId: 'topic-config-drift', messageId: 'local', severity: 'warning' as const, message: 'm', range: { start: 1, end: 2 }, related: [] };
const fix: Fix = { title: 'Set it', edits: [{ range: { start: 1, end: 2 }, newText: 'x' }] };

describe('withFixes', () => {
  it('works the fixes out when they are first read, once', () => {
    let calls = 0;
    const finding = withFixes(base, () => (calls++, [fix]));
    assert.equal(calls, 0);
    assert.deepEqual(finding.fixes, [fix]);
    assert.equal(finding.fixes, finding.fixes);
    assert.equal(calls, 1);
  });

  it('gives the same finding, keys in the same order, as fixes given at once (JSON output keeps its shape)', () => {
    const lazy = withFixes(base, () => [fix]);
    const eager = withFixes(base, [fix]);
    assert.deepEqual(lazy, eager);
    assert.equal(JSON.stringify(lazy), JSON.stringify(eager));
    assert.deepEqual(Object.keys(eager), ['message', 'range', 'related', 'fixes', 'ruleId', 'messageId', 'severity']);
    assert.deepEqual({ ...lazy }, eager);
  });
});
