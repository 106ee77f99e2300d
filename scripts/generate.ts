// Regenerates what is derived from the code: `npm run generate`. A test fails when any of it drifts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from './generated';

for (const { file, text } of generatedFiles()) {
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
