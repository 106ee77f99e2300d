import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

/** The text of every YAML file of the examples, the rule fixtures and the shared examples (when present). */
export function exampleYamlFiles(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  for (const dir of ['examples', 'test/rules', path.join('..', 'shared', 'examples')]) walk(path.join(ROOT, dir));
  return texts;
}
