import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The `docs/rules` folder with one page per rule: next to the bundle in the .vsix and the npm
 * package (`dist/../docs/rules`), or in the source tree when run from `server/src` (tests).
 * `MIRRORLINT_DOCS_ROOT` wins.
 */
export function ruleDocsFolder(): string {
  if (process.env.MIRRORLINT_DOCS_ROOT) return process.env.MIRRORLINT_DOCS_ROOT;
  // Asked for every diagnostic: the disk is looked at once.
  installedDocs ??= [path.resolve(__dirname, '..', 'docs', 'rules'), path.resolve(__dirname, '..', '..', '..', 'docs', 'rules')].find((folder) => fs.existsSync(folder)) ?? path.resolve(__dirname, '..', 'docs', 'rules');
  return installedDocs;
}

let installedDocs: string | undefined;

/** The rule's page as Markdown, or undefined when it is not shipped. */
export function ruleDocsMarkdown(ruleId: string): string | undefined {
  try {
    return fs.readFileSync(path.join(ruleDocsFolder(), `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
