// The README shipped in the .vsix: the user's sections only (no "Development"), images relative
// to the extension folder, where the package carries them, so they show without a network.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEVELOPER_SECTIONS = new Set(['Development']);
const kept = [];
let skipping = false;
for (const line of readFileSync(join(root, 'README.md'), 'utf8').split('\n')) {
  const heading = /^## (.+)$/.exec(line);
  if (heading) skipping = DEVELOPER_SECTIONS.has(heading[1].trim());
  if (!skipping) kept.push(line);
}
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'README.vsix.md'), kept.join('\n'));
