import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { run } from '../../../server/src/cli/main';
import { analyzeProperties } from '../../../server/src/core';
import { RULES } from '../../../server/src/core/lint/rules';
import type { Mm2Rule } from '../../../server/src/core/lint/types';

const TEXT = 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\ntopics.exlude = x\n';

/** Makes one rule throw for the length of a test. */
function breakRule(id: string): void {
  const rule = RULES.find((r) => r.meta.id === id) as Mm2Rule;
  const original = rule.check;
  rule.check = () => {
    throw new Error('boom in the test');
  };
  restore.push(() => (rule.check = original));
}
const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((undo) => undo()));

describe('lint engine', () => {
  it('reports what depends on an unconfigured Kafka version at info, and at the rule\'s severity once the version is known', () => {
    const text = 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\nA->B.enabled = true\nA->B.topics = a, b,\n';
    const severities = (kafkaVersion?: string) => analyzeProperties(text, { kafkaVersion }).findings.filter((f) => f.ruleId === 'invalid-value').map((f) => f.severity);
    assert.deepEqual(severities(), ['info']);
    assert.deepEqual(severities('4.2'), ['error']);
    assert.deepEqual(severities('4.1'), []);
  });

  it('turns a rule that throws into one internal-error finding, keeps the other rules\' findings, and logs the stack', () => {
    breakRule('duplicate-property');
    const logged: string[] = [];
    const { findings } = analyzeProperties(TEXT, { log: (message) => logged.push(message) });
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['internal-error', 'unknown-property']);
    const internal = findings.find((f) => f.ruleId === 'internal-error')!;
    assert.equal(internal.severity, 'error');
    assert.match(internal.message, /rule `duplicate-property` failed on this file: boom in the test/);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /duplicate-property[\s\S]*Error: boom in the test\n\s+at /);
  });

  it('internal-error cannot be silenced by a suppression comment', () => {
    breakRule('duplicate-property');
    const { findings } = analyzeProperties(`# mirrorlint-disable\n${TEXT}`);
    assert.ok(findings.some((f) => f.ruleId === 'internal-error'));
  });

  it('makes the CLI exit 2 and print the stack on stderr', () => {
    breakRule('unknown-property');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-engine-'));
    fs.writeFileSync(path.join(dir, 'mm2.properties'), TEXT);
    let stdout = '';
    let stderr = '';
    const code = run(['check', '.', '--format', 'json'], dir, (t) => (stdout += t), (t) => (stderr += t));
    assert.equal(code, 2);
    assert.match(stderr, /rule unknown-property failed on .*mm2\.properties\nError: boom in the test\n\s+at /);
    assert.ok(JSON.parse(stdout).findings.some((f: { rule: string }) => f.rule === 'internal-error'));
  });
});
