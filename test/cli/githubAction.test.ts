// action.yml as GitHub runs it, minus GitHub: the check step's script with the inputs in its
// environment, then the last step with the check's outputs substituted. (setup-node and the upload
// are GitHub's own actions.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');

interface Step { id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string | number> }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/** Replaces `${{ inputs.x }}` and `${{ steps.check.outputs.x }}` as the runner does. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  return text.replace(/\$\{\{\s*(inputs|steps\.check\.outputs)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) => {
    if (scope === 'inputs') {
      assert.ok(name in action.inputs, `input ${name} is declared`);
      return inputs[name] ?? action.inputs[name].default ?? '';
    }
    return outputs[name] ?? '';
  });
}

function runAction(example: string, given: Record<string, string> = {}) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-action-'));
  fs.cpSync(path.join(ROOT, 'examples', example), workspace, { recursive: true });
  const outputFile = path.join(workspace, '..', `${path.basename(workspace)}.out`);
  fs.writeFileSync(outputFile, '');
  const check = action.runs.steps.find((step) => step.id === 'check')!;
  const env = Object.fromEntries(Object.entries(check.env ?? {}).map(([key, value]) => [key, expand(value, given)]));
  const step = spawnSync('bash', ['-c', check.run!], { cwd: workspace, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile } });
  assert.equal(step.status, 0, `the check step itself succeeds: ${step.stderr}`);
  const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  const last = action.runs.steps.at(-1)!;
  const final = spawnSync('bash', ['-c', expand(last.run!, given, outputs)], { cwd: workspace, encoding: 'utf8' });
  return { workspace, log: step.stdout, outputs, status: final.status };
}

describe('the GitHub Action (action.yml)', { timeout: 120_000 }, () => {
  it('is a composite action whose upload runs even when the check fails, before the last step fails the job', () => {
    assert.equal(action.runs.using, 'composite');
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.match(upload.if!, /!cancelled\(\)/);
    assert.ok(action.runs.steps.indexOf(upload) < action.runs.steps.length - 1);
  });

  it('fails on examples/mistakes after writing SARIF with its findings and printing them', () => {
    const { workspace, log, outputs, status } = runAction('mistakes');
    assert.equal(outputs['exit-code'], '1');
    assert.equal(status, 1);
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, outputs['sarif-file']), 'utf8'));
    assert.ok(sarif.runs[0].results.length > 10);
    assert.match(log, /replication-cycle/);
  });

  it('passes on the correct active-active example, and fails it with max-warnings 0', () => {
    const clean = runAction('active-active');
    assert.deepEqual([clean.outputs['exit-code'], clean.status], ['0', 0]);
    assert.equal(JSON.parse(fs.readFileSync(path.join(clean.workspace, 'mirrorlint.sarif'), 'utf8')).runs[0].results.length, 6);
    const strict = runAction('active-active', { 'max-warnings': '0', 'sarif-file': 'out/report.sarif' });
    assert.deepEqual([strict.outputs['exit-code'], strict.status], ['1', 1]);
    assert.equal(strict.outputs['sarif-file'], 'out/report.sarif');
  });
});
