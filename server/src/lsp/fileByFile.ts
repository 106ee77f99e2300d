import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** How long the server works through files before it lets waiting messages (edits, requests) in. */
const SLICE_MS = 15;
/** Work through the files that lasts longer than this shows as progress in the editor. */
const PROGRESS_AFTER_MS = 500;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface PassOptions {
  /** False once the snapshot the files belong to was replaced: the pass stops (the next one starts over). */
  current(): boolean;
  /** Starts the editor's work-done progress (`connection.window.createWorkDoneProgress`). */
  startProgress(): Promise<WorkDoneProgressServerReporter>;
  sliceMs?: number;
  progressAfterMs?: number;
}

/**
 * Visits files in order — a snapshot's files come open files first, and each is linted when its
 * findings are first read, so the open files' findings come before the rest of the workspace is
 * linted. Between slices of work it lets waiting messages in, so an edit or a request never waits
 * for the rest of the workspace, and it stops when the snapshot was replaced. Work that lasts
 * shows as progress. True when every file was visited.
 */
export async function fileByFile<T>(files: readonly T[], options: PassOptions, visit: (file: T) => Promise<void> | void): Promise<boolean> {
  const { current, sliceMs = SLICE_MS, progressAfterMs = PROGRESS_AFTER_MS } = options;
  const started = Date.now();
  let sliceStart = started;
  let progress: Promise<WorkDoneProgressServerReporter> | undefined;
  // The client answers the progress request when it likes (or never): reports go out once it did.
  const whenShown = (report: (reporter: WorkDoneProgressServerReporter) => void): void => void progress?.then(report, () => undefined);
  try {
    // The snapshot may have been replaced while the caller awaited it: a replaced analysis cannot lint.
    if (!current()) return false;
    for (let i = 0; i < files.length; i++) {
      if (i > 0 && Date.now() - sliceStart >= sliceMs) {
        await nextTurn();
        if (!current()) return false;
        sliceStart = Date.now();
        if (!progress && sliceStart - started >= progressAfterMs) {
          progress = options.startProgress();
          whenShown((reporter) => reporter.begin('MirrorLint', 0, `Checking ${files.length} files`));
        }
        const percentage = Math.floor((i * 100) / files.length);
        whenShown((reporter) => reporter.report(percentage, `${i} of ${files.length} files`));
      }
      await visit(files[i]);
      if (!current()) return false;
    }
    return true;
  } finally {
    whenShown((reporter) => reporter.done());
  }
}
