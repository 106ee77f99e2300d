// Runs every benchmark, even when an earlier one misses its target, and fails if any did.
import { spawnSync } from 'node:child_process';

let failed = false;
for (const bench of ['bench/run.ts', 'bench/lsp.ts', 'bench/declarations.ts', 'bench/workspace.ts']) {
  console.log(`\n== ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
