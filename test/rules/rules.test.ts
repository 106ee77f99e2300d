import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeProperties, analyzeWorkspace } from '../../server/src/core/analyze';
import { PROPERTIES_RULES, type Finding, type TextEdit } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const FIXTURES = path.join(__dirname, 'fixtures');
const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');

/**
 * Fixture convention: `# expect-next-line: <message fragment>` above a line says the folder's rule
 * must report a finding starting on that line whose message contains the fragment. Lines without
 * such a comment must not be reported by that rule; `valid/` files must get no finding from it.
 */
function expectations(text: string): Map<number, string> {
  const lines = text.split(/\r?\n/);
  const expected = new Map<number, string>();
  lines.forEach((line, index) => {
    const match = /^(?:#|\/\/)\s*expect-next-line(?::\s*(.*))?$/.exec(line.trim());
    if (match) expected.set(index + 1, match[1] ?? '');
  });
  return expected;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((acc, edit) => acc.slice(0, edit.range.start) + edit.newText + acc.slice(edit.range.end), text);
}

const lineOf = (index: LineIndex, finding: Finding): number => index.positionAt(finding.range.start).line;

for (const rule of PROPERTIES_RULES) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it('has a docs page that names the rule', () => {
      const page = path.join(DOCS, `${id}.md`);
      assert.ok(fs.existsSync(page), `missing ${page}`);
      assert.match(fs.readFileSync(page, 'utf8'), new RegExp(`^# ${id}\\b`, 'm'));
    });

    for (const kind of ['valid', 'invalid'] as const) {
      const folder = path.join(FIXTURES, id, kind);
      const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /\.(properties|json|ya?ml)$/.test(f)) : [];
      it(`has ${kind} fixtures`, () => assert.ok(files.length > 0, `no fixtures in ${folder}`));

      for (const file of files) {
        const text = fs.readFileSync(path.join(folder, file), 'utf8');
        const index = new LineIndex(text);
        const analyze = (source: string) => analyzeWorkspace([{ uri: file, text: source }]).get(file)!;
        const findings = analyze(text).findings.filter((f) => f.ruleId === id);

        if (kind === 'valid') {
          it(`reports nothing on valid/${file}`, () => assert.deepEqual(findings.map((f) => f.message), []));
          continue;
        }

        it(`reports exactly the expected lines of invalid/${file}`, () => {
          const expected = expectations(text);
          assert.ok(expected.size > 0, 'an invalid fixture needs expect-next-line comments');
          assert.deepEqual([...new Set(findings.map((f) => lineOf(index, f)))].sort((a, b) => a - b), [...expected.keys()].sort((a, b) => a - b));
          for (const [line, fragment] of expected) {
            assert.ok(findings.some((f) => lineOf(index, f) === line && f.message.includes(fragment)), `line ${line + 1}: no message containing "${fragment}" in ${JSON.stringify(findings.filter((f) => lineOf(index, f) === line).map((f) => f.message))}`);
          }
        });

        if (rule.meta.fixable) {
          it(`fixes in invalid/${file} remove their finding and keep the file loadable`, () => {
            for (const finding of findings) {
              for (const fix of finding.fixes) {
                const fixed = applyEdits(text, fix.edits);
                const after = analyze(fixed).findings;
                assert.ok(!after.some((f) => f.ruleId === id && f.message === finding.message), `"${fix.title}" left: ${finding.message}\n---\n${fixed}`);
                const syntax = (list: typeof after) => list.filter((f) => f.ruleId === 'properties-syntax' || f.ruleId === 'document-syntax').length;
                assert.equal(syntax(after), syntax(analyze(text).findings), 'a fix must keep the file loadable');
              }
            }
          });
        }
      }
    }
  });
}

describe('rule set', () => {
  it('has unique kebab-case ids and a description for every rule', () => {
    const ids = PROPERTIES_RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of PROPERTIES_RULES) {
      assert.match(rule.meta.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.meta.description.length > 10);
    }
  });

  it('every fixable rule offers at least one fix in its invalid fixtures', () => {
    for (const rule of PROPERTIES_RULES.filter((r) => r.meta.fixable)) {
      const folder = path.join(FIXTURES, rule.meta.id, 'invalid');
      const offered = fs.readdirSync(folder).some((file) =>
        analyzeWorkspace([{ uri: file, text: fs.readFileSync(path.join(folder, file), 'utf8') }]).get(file)!.findings.some((f) => f.ruleId === rule.meta.id && f.fixes.length > 0));
      assert.ok(offered, `${rule.meta.id} is marked fixable but offers no fix in its fixtures`);
    }
  });

  it('the mistakes examples show every rule at least once', () => {
    const folder = path.join(__dirname, '..', '..', 'examples', 'mistakes');
    const seen = new Set(
      fs.readdirSync(folder).flatMap((file) =>
        analyzeWorkspace([{ uri: file, text: fs.readFileSync(path.join(folder, file), 'utf8') }]).get(file)!.findings.map((f) => f.ruleId)),
    );
    assert.deepEqual(PROPERTIES_RULES.map((r) => r.meta.id).filter((id) => !seen.has(id)), []);
  });

  it('the active-active example is clean', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'active-active', 'mm2.properties'), 'utf8');
    assert.deepEqual(analyzeProperties(text).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('the Kafka sample config gets no error, only the true-positive warning about internal topics', () => {
    const sample = path.join(__dirname, '..', 'fixtures', 'connect-mirror-maker.properties');
    const findings = analyzeProperties(fs.readFileSync(sample, 'utf8')).findings;
    // `A->B.topics = .*` (and B->A) admit `_schemas` and Connect storage topics that MM2's
    // default excludes miss: a real hazard, reported once per flow as a warning.
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['internal-topics-replicated warning', 'internal-topics-replicated warning']);
  });

  it('honours severity overrides and off', () => {
    const text = 'clusters = A\nA.bootstrap.servers = a:1\ntopics.exlude = x\n';
    assert.equal(analyzeProperties(text, { severities: { 'unknown-property': 'error' } }).findings[0].severity, 'error');
    assert.equal(analyzeProperties(text, { severities: { 'unknown-property': 'off' } }).findings.length, 0);
  });
});
