import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { run } from '../../server/src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'mirrorlint.js');

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function runIn(cwd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, cwd, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  }[];
}

const TYPO = 'clusters = A, B\nA.bootstrap.servers = a:9092\nB.bootstrap.servers = b:9092\n  topics.exlude = foo\n';

describe('mirrorlint check', () => {
  it('reports unknown-property with a topics.exclude suggestion at the right line and column (json)', () => {
    const dir = tempDir({ 'conf/mm2.properties': TYPO });
    const { code, stdout } = runIn(dir, ['check', 'conf/mm2.properties', '--format', 'json']);
    assert.equal(code, 0, 'warnings only: exit 0');
    const output = JSON.parse(stdout);
    assert.equal(output.version, 1);
    assert.deepEqual(output.findings, [
      {
        rule: 'unknown-property',
        severity: 'warning',
        message: 'Unknown MM2 property `topics.exlude`: MirrorMaker 2 ignores it at top level. Did you mean `topics.exclude`?',
        file: 'conf/mm2.properties',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 16,
        fixes: [{ title: 'Rename to `topics.exclude`' }],
        related: [],
      },
    ]);
  });

  it('exits 1 on an error-level finding, 0 when clean, 2 on usage errors', () => {
    const dir = tempDir({ 'bad.mm2.properties': 'clusters = A, B\nA.bootstrap.servers = a:1\n', 'good/mm2.properties': 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\n' });
    assert.equal(runIn(dir, ['check', 'bad.mm2.properties']).code, 1);
    assert.equal(runIn(dir, ['check', 'good']).code, 0);
    assert.equal(runIn(dir, ['check', '--format', 'xml']).code, 2);
    assert.equal(runIn(dir, ['lint']).code, 2);
    assert.equal(runIn(dir, ['check', 'missing-file']).code, 2);
    assert.equal(runIn(dir, ['check', '--rule', 'missing-bootstrap-servers=off', 'bad.mm2.properties']).code, 0);
  });

  it('exits 2 with a message when the paths hold no file MirrorLint reads', () => {
    const dir = tempDir({ 'c/log4j.properties': 'log4j.rootLogger = INFO\n', 'README.md': '# nothing\n' });
    const result = runIn(dir, ['check', '.']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mirrorlint: no MM2 configuration, Strimzi resource, Connect JSON, declaration or \.mirrorlint\.yaml under \.\n$/);
    assert.equal(result.stdout, '');
  });

  it('reports errors only with --quiet, fails on too many warnings with --max-warnings, writes the report with -o', () => {
    // One error (B has no bootstrap servers) and one warning (the misspelt property).
    const dir = tempDir({ 'mm2.properties': 'clusters = A, B\nA.bootstrap.servers = a:9092\ntopics.exlude = foo\n' });
    const rules = (args: string[]) => JSON.parse(runIn(dir, ['check', '--format', 'json', ...args]).stdout).findings.map((f: { rule: string; severity: string }) => `${f.severity} ${f.rule}`);
    assert.deepEqual(rules([]).sort(), ['error missing-bootstrap-servers', 'warning unknown-property']);
    assert.deepEqual(rules(['--quiet']), ['error missing-bootstrap-servers']);
    const off = ['--rule', 'missing-bootstrap-servers=off'];
    assert.equal(runIn(dir, ['check', ...off]).code, 0);
    assert.equal(runIn(dir, ['check', ...off, '--max-warnings', '1']).code, 0);
    const over = runIn(dir, ['check', ...off, '--max-warnings', '0']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warnings, more than --max-warnings 0/);
    assert.equal(runIn(dir, ['check', '--max-warnings', 'many']).code, 2);
    const written = runIn(dir, ['check', '--format', 'json', '-o', 'report.json']);
    assert.equal(written.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).findings.length, 2);
  });

  it('applies the fix-all fixes to the files with --fix and reports what is left', () => {
    const dir = tempDir({ 'mm2.properties': TYPO });
    const result = runIn(dir, ['check', '--fix', '--format', 'json']);
    assert.equal(fs.readFileSync(path.join(dir, 'mm2.properties'), 'utf8'), TYPO.replace('topics.exlude', 'topics.exclude'));
    assert.deepEqual(JSON.parse(result.stdout).findings.filter((f: { rule: string }) => f.rule === 'unknown-property'), []);
    assert.equal(result.code, 0);
  });

  it('finds MM2 files in folders by name or by a clusters line, and skips other properties files', () => {
    const dir = tempDir({
      'a/connect-mirror-maker.properties': 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\n',
      'b/replication.properties': 'clusters = B, C\nB.bootstrap.servers = b:1\n',
      'c/log4j.properties': 'log4j.rootLogger = INFO\n',
      'node_modules/x/mm2.properties': 'clusters = X\n',
    });
    const { stdout } = runIn(dir, ['check', '.', '--format', 'json']);
    assert.deepEqual([...new Set(JSON.parse(stdout).findings.map((f: { file: string }) => f.file))], ['b/replication.properties']);
    assert.match(runIn(dir, ['check']).stdout, /in 2 files/);
  });

  it('prints SARIF 2.1.0 that validates against the official schema', () => {
    const dir = tempDir({ 'mm2.properties': fs.readFileSync(path.join(ROOT, 'examples', 'mistakes', 'mm2.properties'), 'utf8') });
    const { stdout, code } = runIn(dir, ['check', '--format', 'sarif']);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout) as SarifLog;
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const valid = validate(JSON.parse(stdout));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.ok(results.length >= 9);
    for (const result of results) {
      assert.equal(sarif.runs[0].tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'mm2.properties');
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    }
  });

  it('gives SARIF each rule page offline, helpUri under --docs-url, and fingerprints that survive moved lines', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'mistakes', 'mm2.properties'), 'utf8');
    const dir = tempDir({ 'mm2.properties': text });
    type Result = { ruleId: string; message: { text: string; markdown: string }; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] };
    type Rule = { id: string; help?: { markdown: string }; fullDescription: { text: string }; helpUri: string };
    const sarif = () => JSON.parse(runIn(dir, ['check', '--format', 'sarif', '--docs-url', 'https://docs.example/rules/']).stdout).runs[0] as { tool: { driver: { rules: Rule[] } }; results: Result[] };
    const before = sarif();
    for (const rule of before.tool.driver.rules) {
      assert.ok(rule.help?.markdown.includes(`# ${rule.id}`) || rule.help?.markdown.startsWith('#'), `${rule.id} has its page as help`);
      assert.ok(rule.fullDescription.text.length > 0);
      assert.equal(rule.helpUri, `https://docs.example/rules/${rule.id}.md`);
    }
    for (const result of before.results) {
      assert.doesNotMatch(result.message.text, /`/);
      assert.match(result.partialFingerprints['mirrorlint/v1'], /^[0-9a-f]{32}:\d+$/);
    }
    assert.equal(new Set(before.results.map((r) => r.partialFingerprints['mirrorlint/v1'])).size, before.results.length, 'one fingerprint per result');
    // Two comment lines on top: every line moves, no identity changes.
    fs.writeFileSync(path.join(dir, 'mm2.properties'), `# moved\n# down\n${text}`);
    const after = sarif();
    assert.deepEqual(after.results.map((r) => r.locations[0].physicalLocation.region.startLine), before.results.map((r) => r.locations[0].physicalLocation.region.startLine + 2));
    assert.deepEqual(after.results.map((r) => r.partialFingerprints['mirrorlint/v1']), before.results.map((r) => r.partialFingerprints['mirrorlint/v1']));
  });

  it('prints aligned columns, coloured only when asked', () => {
    const dir = tempDir({ 'mm2.properties': fs.readFileSync(path.join(ROOT, 'examples', 'mistakes', 'mm2.properties'), 'utf8') });
    const plain = runIn(dir, ['check']).stdout;
    const rows = plain.split('\n').filter((line) => /^ {2}\d+:\d+/.test(line));
    assert.ok(rows.length > 3);
    const ruleColumn = new Set(rows.map((row) => row.search(/ {2}[a-z]+(-[a-z0-9]+)+( \(fix:.*\))?$/)));
    assert.equal(ruleColumn.size, 1, `rule ids start in one column:\n${rows.join('\n')}`);
    assert.doesNotMatch(plain, /\u001b\[/);
    assert.match(runIn(dir, ['check', '--color']).stdout, /\u001b\[31merror/);
    let coloured = '';
    run(['check', '--no-color'], dir, (t) => (coloured += t), () => undefined, true);
    assert.doesNotMatch(coloured, /\u001b\[/);
  });

  it('runs as a real process through the bin entry', () => {
    const dir = tempDir({ 'mm2.properties': TYPO });
    const result = spawnSync(process.execPath, [BIN, 'check', 'mm2.properties', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).findings[0].rule, 'unknown-property');
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /Usage: mirrorlint check/);
  });

  it('survives huge and hostile files', () => {
    const lines = ['clusters = A, B', 'A.bootstrap.servers = a:1', 'B.bootstrap.servers = b:1', 'A->B.enabled = true', 'topics = (a+)+$, ' + '('.repeat(5000)];
    for (let i = 0; i < 50_000; i++) lines.push(`garbage.key.${i} = ${i}`);
    const dir = tempDir({ 'mm2.properties': lines.join('\n') });
    const { code, stdout } = runIn(dir, ['check', '--format', 'json']);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout).findings;
    assert.ok(findings.some((f: { rule: string }) => f.rule === 'invalid-topic-pattern'));
    assert.ok(findings.filter((f: { rule: string }) => f.rule === 'unknown-property').length === 50_000);
  });
});
