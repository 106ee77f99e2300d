import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { fileByFile } from '../../server/src/lsp/fileByFile';

/** A progress reporter that records what it was told. */
function recordingProgress(): { events: string[]; startProgress: () => Promise<WorkDoneProgressServerReporter> } {
  const events: string[] = [];
  const reporter = {
    begin: (title: string, percentage?: number) => events.push(`begin ${title} ${percentage}`),
    report: (percentage: number) => events.push(`report ${percentage}`),
    done: () => events.push('done'),
  } as unknown as WorkDoneProgressServerReporter;
  return { events, startProgress: () => (events.push('create'), Promise.resolve(reporter)) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('fileByFile (the server\'s passes over the workspace)', () => {
  it('visits every file in order and shows no progress for a short pass', async () => {
    const { events, startProgress } = recordingProgress();
    const visited: number[] = [];
    assert.equal(await fileByFile([1, 2, 3], { current: () => true, startProgress }, (n) => void visited.push(n)), true);
    await settle();
    assert.deepEqual(visited, [1, 2, 3]);
    assert.deepEqual(events, []);
  });

  it('lets waiting work in between slices, before the rest of the files', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('message'));
    await fileByFile(['a', 'b', 'c'], { current: () => true, startProgress: recordingProgress().startProgress, sliceMs: 0, progressAfterMs: 1e9 }, (f) => void order.push(f));
    // The first file goes before anything else; the message waiting meanwhile goes before the next.
    assert.deepEqual(order, ['a', 'message', 'b', 'c']);
  });

  it('visits nothing when the snapshot was replaced before the pass began', async () => {
    const visited: number[] = [];
    assert.equal(await fileByFile([1, 2], { current: () => false, startProgress: recordingProgress().startProgress }, (n) => void visited.push(n)), false);
    assert.deepEqual(visited, []);
  });

  it('stops when the snapshot is replaced, and ends the progress it started', async () => {
    const { events, startProgress } = recordingProgress();
    let replaced = false;
    const visited: number[] = [];
    const complete = await fileByFile([1, 2, 3, 4, 5], { current: () => !replaced, startProgress, sliceMs: 0, progressAfterMs: 0 }, (n) => {
      visited.push(n);
      if (n === 3) replaced = true;
    });
    await settle();
    assert.equal(complete, false);
    assert.deepEqual(visited, [1, 2, 3]);
    assert.deepEqual(events, ['create', 'begin MirrorLint 0', 'report 20', 'report 40', 'done']);
  });

  it('never waits for a client that does not answer the progress request', async () => {
    const visited: number[] = [];
    const complete = await fileByFile([1, 2, 3], { current: () => true, startProgress: () => new Promise(() => undefined), sliceMs: 0, progressAfterMs: 0 }, (n) => void visited.push(n));
    assert.equal(complete, true);
    assert.deepEqual(visited, [1, 2, 3]);
  });
});
