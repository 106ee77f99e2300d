import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { ALL_RULES, RULES_BY_ID, analyzeProperties, applyEdits, analyzeWorkspace as analyzeFiles, type AnalyzeOptions, type Finding, type SourceFile, type TextEdit } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/base/lineIndex';
import { loadHclParser } from '../../server/src/node/hcl';
import type { HclParser } from '../../server/src/core';

const FIXTURES = path.join(__dirname, 'fixtures');

/** Fixture files are MM2 files by intent, as a file opened with the MM2 language is: `.properties` ones are read as such whatever they declare. */
let hcl: HclParser | undefined;
// Terraform fixtures need the HCL parser, which loads asynchronously: every analysis runs inside a test, after it.
before(async () => {
  hcl = await loadHclParser();
});
const analyzeWorkspace = (files: SourceFile[], options?: AnalyzeOptions) =>
  analyzeFiles(files.map((f) => (f.uri.endsWith('.properties') ? { ...f, languageId: 'mm2-properties' } : f)), { ...options, hcl });
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

/** `# kafka-version: 3.9` in a single-file fixture analyses it as that release's MM2 would run it. */
const kafkaVersionOf = (text: string): string | undefined => /^(?:#|\/\/)\s*kafka-version:\s*(\S+)\s*$/m.exec(text)?.[1];

/**
 * Rules that report more errors in a file after a fix than before (a message may change with the
 * fix — a list of declared aliases, say — so errors are counted per file and rule).
 */
function newErrors(before: Map<string, { findings: Finding[] }>, after: Map<string, { findings: Finding[] }>): string[] {
  const count = (results: Map<string, { findings: Finding[] }>) => {
    const counts = new Map<string, number>();
    for (const [file, { findings }] of results) for (const f of findings) if (f.severity === 'error') counts.set(`${path.basename(file)}: ${f.ruleId}`, (counts.get(`${path.basename(file)}: ${f.ruleId}`) ?? 0) + 1);
    return counts;
  };
  const had = count(before);
  return [...count(after)].filter(([key, n]) => n > (had.get(key) ?? 0)).map(([key, n]) => `${key} (${had.get(key) ?? 0} → ${n}): ${[...after].flatMap(([, a]) => a.findings).filter((f) => key.endsWith(`: ${f.ruleId}`) && f.severity === 'error').map((f) => f.message).join(' | ')}`);
}

const lineOf = (index: LineIndex, finding: Finding): number => index.positionAt(finding.range.start).line;

/** Every file below a folder (a workspace fixture), dot-files included. */
function filesBelow(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesBelow(path.join(folder, d.name)) : [path.join(folder, d.name)]));
}

const ANALYSED = /\.(properties|json|ya?ml|tf)$/;

/**
 * A folder fixture is a workspace: every file in it is analysed together (MM2 configs, topology
 * declarations, .mirrorlint.yaml, schema files). Expectations are written in any of its files.
 */
function checkWorkspaceFixture(id: string, kind: 'valid' | 'invalid', folder: string, fixable: boolean): void {
  const all = filesBelow(folder);
  const original = new Map(all.filter((f) => ANALYSED.test(f)).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const analyze = (texts: Map<string, string>) =>
    analyzeWorkspace([...texts].map(([uri, text]) => ({ uri, text })), { readText: (uri) => texts.get(uri) ?? (fs.existsSync(uri) ? fs.readFileSync(uri, 'utf8') : undefined) });
  let analysed: ReturnType<typeof analyze> | undefined;
  const results = () => (analysed ??= analyze(original));
  const name = path.basename(folder);
  const findingsIn = (file: string) => (results().get(file)?.findings ?? []).filter((f) => f.ruleId === id);
  if (kind === 'valid') {
    it(`reports nothing on valid/${name}/`, () => assert.deepEqual([...original.keys()].flatMap((f) => findingsIn(f).map((x) => `${path.basename(f)}: ${x.message}`)), []));
    return;
  }
  it(`reports exactly the expected lines of invalid/${name}/`, () => {
    let expectedCount = 0;
    for (const [file, text] of original) {
      const index = new LineIndex(text);
      const expected = expectations(text);
      expectedCount += expected.size;
      const found = findingsIn(file);
      assert.deepEqual([...new Set(found.map((f) => lineOf(index, f)))].sort((a, b) => a - b), [...expected.keys()].sort((a, b) => a - b), `${path.basename(file)}: ${JSON.stringify(found.map((f) => f.message))}`);
      for (const [line, fragment] of expected) {
        assert.ok(found.some((f) => lineOf(index, f) === line && f.message.includes(fragment)), `${path.basename(file)} line ${line + 1}: no message containing "${fragment}" in ${JSON.stringify(found.filter((f) => lineOf(index, f) === line).map((f) => f.message))}`);
      }
    }
    assert.ok(expectedCount > 0, 'an invalid fixture needs expect-next-line comments');
  });
  if (!fixable) return;
  it(`fixes in invalid/${name}/ remove their finding, may edit other files, and keep every file loadable`, () => {
    // Findings of the rule under test leave with its fixes (a suppression comment too): they do not count.
    const syntax = (analyses: ReturnType<typeof analyze>) => [...analyses.values()].flatMap((a) => a.findings).filter((f) => f.ruleId !== id && /^(properties-syntax|document-syntax|strimzi-schema|declaration-schema)$/.test(f.ruleId)).length;
    const loadable = syntax(results());
    for (const file of original.keys()) {
      for (const finding of findingsIn(file)) {
        for (const fix of finding.fixes) {
          const texts = new Map(original);
          const byFile = new Map<string, TextEdit[]>();
          for (const edit of fix.edits) byFile.set(edit.uri ?? file, [...(byFile.get(edit.uri ?? file) ?? []), edit]);
          for (const [target, edits] of byFile) texts.set(target, applyEdits(texts.get(target)!, edits));
          const after = analyze(texts);
          const left = (after.get(file)?.findings ?? []).filter((f) => f.ruleId === id && f.message === finding.message);
          const changed = [...byFile.keys()].map((f) => `--- ${path.basename(f)}\n${texts.get(f)}`).join('\n');
          assert.deepEqual(left.map((f) => f.message), [], `"${fix.title}" left its finding\n${changed}`);
          assert.equal(syntax(after), loadable, `"${fix.title}" must keep every file loadable\n${changed}`);
          assert.deepEqual(newErrors(results(), after), [], `"${fix.title}" must add no error\n${changed}`);
        }
      }
    }
  });
}

/** Every file of a folder (recursively) analysed together, as the CLI and the server do. */
function analyzeFolderAsWorkspace(folder: string): [string, Finding[]][] {
  const texts = new Map(filesBelow(folder).filter((f) => ANALYSED.test(f)).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const results = analyzeWorkspace([...texts].map(([uri, text]) => ({ uri, text })), { readText: (uri) => (fs.existsSync(uri) ? fs.readFileSync(uri, 'utf8') : undefined) });
  return [...results].map(([file, analysis]) => [file, analysis.findings]);
}

/** The findings of a fixtures or examples folder: each top-level file on its own, each subfolder as one workspace. */
function findingsOfFolder(folder: string): Finding[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return analyzeFolderAsWorkspace(full).flatMap(([, findings]) => findings);
    if (!ANALYSED.test(entry.name)) return [];
    const text = fs.readFileSync(full, 'utf8');
    return analyzeWorkspace([{ uri: entry.name, text }], { kafkaVersion: kafkaVersionOf(text) }).get(entry.name)?.findings ?? [];
  });
}

/** The engine reports internal-error itself, when a rule throws: it has a page but no fixtures (test/unit/engine.test.ts). */
const WITHOUT_FIXTURES = new Set(['internal-error']);

for (const rule of ALL_RULES) {
  const id = rule.meta.id;
  if (WITHOUT_FIXTURES.has(id)) continue;
  describe(`rule ${id}`, () => {
    it('has a docs page that names the rule', () => {
      const page = path.join(DOCS, `${id}.md`);
      assert.ok(fs.existsSync(page), `missing ${page}`);
      assert.match(fs.readFileSync(page, 'utf8'), new RegExp(`^# ${id}\\b`, 'm'));
    });

    for (const kind of ['valid', 'invalid'] as const) {
      const folder = path.join(FIXTURES, id, kind);
      const entries = fs.existsSync(folder) ? fs.readdirSync(folder, { withFileTypes: true }) : [];
      const files = entries.filter((e) => e.isFile() && ANALYSED.test(e.name)).map((e) => e.name);
      const workspaces = entries.filter((e) => e.isDirectory()).map((e) => path.join(folder, e.name));
      it(`has ${kind} fixtures`, () => assert.ok(files.length + workspaces.length > 0, `no fixtures in ${folder}`));
      for (const workspace of workspaces) checkWorkspaceFixture(id, kind, workspace, rule.meta.fixable);

      for (const file of files) {
        const text = fs.readFileSync(path.join(folder, file), 'utf8');
        const index = new LineIndex(text);
        const analyze = (source: string) => analyzeWorkspace([{ uri: file, text: source }], { kafkaVersion: kafkaVersionOf(text) }).get(file)!;
        let analysed: Finding[] | undefined;
        const found = () => (analysed ??= analyze(text).findings.filter((f) => f.ruleId === id));

        if (kind === 'valid') {
          it(`reports nothing on valid/${file}`, () => assert.deepEqual(found().map((f) => f.message), []));
          continue;
        }

        it(`reports exactly the expected lines of invalid/${file}`, () => {
          const expected = expectations(text);
          const findings = found();
          assert.ok(expected.size > 0, 'an invalid fixture needs expect-next-line comments');
          assert.deepEqual([...new Set(findings.map((f) => lineOf(index, f)))].sort((a, b) => a - b), [...expected.keys()].sort((a, b) => a - b));
          for (const [line, fragment] of expected) {
            assert.ok(findings.some((f) => lineOf(index, f) === line && f.message.includes(fragment)), `line ${line + 1}: no message containing "${fragment}" in ${JSON.stringify(findings.filter((f) => lineOf(index, f) === line).map((f) => f.message))}`);
          }
        });

        if (rule.meta.fixable) {
          it(`fixes in invalid/${file} remove their finding and keep the file loadable`, () => {
            for (const finding of found()) {
              for (const fix of finding.fixes) {
                const fixed = applyEdits(text, fix.edits);
                const after = analyze(fixed).findings;
                assert.ok(!after.some((f) => f.ruleId === id && f.message === finding.message), `"${fix.title}" left: ${finding.message}\n---\n${fixed}`);
                const syntax = (list: typeof after) => list.filter((f) => f.ruleId === 'properties-syntax' || f.ruleId === 'document-syntax').length;
                assert.equal(syntax(after), syntax(analyze(text).findings), 'a fix must keep the file loadable');
                assert.deepEqual(newErrors(new Map([[file, { findings: analyze(text).findings }]]), new Map([[file, { findings: after }]])), [], `"${fix.title}" must add no error\n---\n${fixed}`);
              }
            }
          });
        }
      }
    }
  });
}

describe('rule set', () => {
  it('every rule, including those the engine reports, has a docs page', () => {
    for (const id of RULES_BY_ID.keys()) assert.ok(fs.existsSync(path.join(DOCS, `${id}.md`)), `missing docs/rules/${id}.md`);
  });

  it('has unique kebab-case ids and a description for every rule', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of ALL_RULES) {
      assert.match(rule.meta.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.meta.description.length > 10);
    }
  });

  it('every fixable rule offers at least one fix in its invalid fixtures', () => {
    for (const rule of ALL_RULES.filter((r) => r.meta.fixable)) {
      const offered = findingsOfFolder(path.join(FIXTURES, rule.meta.id, 'invalid')).some((f) => f.ruleId === rule.meta.id && f.fixes.some((fix) => !fix.suppression));
      assert.ok(offered, `${rule.meta.id} is marked fixable but offers no fix in its fixtures`);
    }
  });

  it('the mistakes examples show every rule at least once', () => {
    const seen = new Set(findingsOfFolder(path.join(__dirname, '..', '..', 'examples', 'mistakes')).map((f) => f.ruleId));
    assert.deepEqual(ALL_RULES.map((r) => r.meta.id).filter((id) => !seen.has(id) && !WITHOUT_FIXTURES.has(id)), []);
  });

  it('the active-active example: a clean MM2 config, and the declarations\' active-active problems', () => {
    const folder = path.join(__dirname, '..', '..', 'examples', 'active-active');
    const text = fs.readFileSync(path.join(folder, 'mm2.properties'), 'utf8');
    assert.deepEqual(analyzeProperties(text).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    const found = analyzeFolderAsWorkspace(folder).flatMap(([file, findings]) => findings.map((f) => `${path.basename(file)} ${f.ruleId} ${f.severity}`));
    assert.deepEqual(found.sort(), [
      'k1.topology.yaml schema-not-synced warning',
      'k1.topology.yaml topic-config-drift warning',
      'k1.topology.yaml topic-config-drift warning',
      'k1.topology.yaml topic-config-drift warning',
      'k1.topology.yaml topic-missing-in-peer warning',
      'k2.topology.yaml consumer-missing-remote-topics warning',
    ]);
  });

  it('the Kafka sample config gets no finding', () => {
    // `A->B.topics = .*` admits `_schemas`, but DefaultReplicationPolicy copies it as `A._schemas`.
    const sample = path.join(__dirname, '..', 'fixtures', 'connect-mirror-maker.properties');
    assert.deepEqual(analyzeProperties(fs.readFileSync(sample, 'utf8')).findings.map((f) => `${f.ruleId} ${f.severity}: ${f.message}`), []);
  });

  it('honours severity overrides and off', () => {
    const text = 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\ntopics.exlude = x\n';
    assert.equal(analyzeProperties(text, { severities: { 'unknown-property': 'error' } }).findings[0].severity, 'error');
    assert.equal(analyzeProperties(text, { severities: { 'unknown-property': 'off' } }).findings.length, 0);
  });
});
