// Copies the end-to-end suite's screenshots that the README shows into docs/images/ (run after
// `npm run test:e2e`; the images are committed, so the README works without running anything).
import * as fs from 'node:fs';
import * as path from 'node:path';

const from = path.join('.e2e', 'screenshots');
const shown = ['topology-view', 'quick-fix-declarations', 'remote-topic-hover', 'topology-diagram', 'aa-problems', 'quiet-problems', 'live-snapshot'];
fs.mkdirSync(path.join('docs', 'images'), { recursive: true });
for (const name of shown) {
  const source = path.join(from, `${name}.png`);
  if (!fs.existsSync(source)) {
    console.error(`missing ${source}: run npm run test:e2e first`);
    process.exitCode = 1;
    continue;
  }
  fs.copyFileSync(source, path.join('docs', 'images', `${name}.png`));
  console.log(`docs/images/${name}.png`);
}
