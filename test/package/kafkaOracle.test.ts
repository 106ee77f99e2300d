import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');
const RUN = path.join(ROOT, 'test', 'kafka', 'run.ts');

/** The Kafka-oracle layer on a machine without Java or Maven (an empty PATH): it says so. */
const runWithoutJava = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: path.join(ROOT, 'no-such-folder') }, timeout: 60_000 });

describe('npm run test:kafka without Java', () => {
  it('skips with a clear message, and fails instead when CI requires it', () => {
    const skipped = runWithoutJava();
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.match(skipped.stdout, /test:kafka SKIPPED: no Java 17\+ \(java and javac\) on the PATH/);
    const required = runWithoutJava('--require');
    assert.equal(required.status, 1);
    assert.match(required.stderr, /test:kafka cannot run: no Java/);
  });
});
