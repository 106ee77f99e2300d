import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const RUN = path.join(__dirname, 'run.ts');
const ROOT = path.join(__dirname, '..', '..');

/** One `npm run fuzz` process over some formats; its table and exit code. */
function fuzzIn(formats: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUN, '--formats', formats, '--count', '5000', '--quick'], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('fuzz sample (fixed seed, 5,000 mutated inputs per format)', () => {
  it('crashes nothing, keeps every range in its text, and stays within the time budget', { timeout: 240_000 }, async () => {
    // Two processes, one per core: the slow format alone, the four others together.
    const runs = await Promise.all([fuzzIn('properties'), fuzzIn('connect,strimzi,topology,config')]);
    for (const { code, output } of runs) assert.equal(code, 0, output);
  });
});
