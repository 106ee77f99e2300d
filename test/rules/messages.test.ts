// Messages as ESLint writes them (issue: the experience users expect): the Problems panel shows
// about 100 characters, so the first sentence says what is wrong within them; fix titles fit a menu.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeWorkspace, splitMessage, type SourceFile } from '../../server/src/core';

const ROOT = path.join(__dirname, '..', '..');

function filesUnder(dir: string): SourceFile[] {
  const found: SourceFile[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push({ uri: `file://${full}`, text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return found;
}

/**
 * The workspaces a user would open: each entry of `examples/`; in the rule fixtures, each file or
 * folder of a rule's `valid/` and `invalid/` (as the fixture tests analyse them).
 */
function workspacesIn(dir: string, fixtures: boolean): string[] {
  const entries = (at: string): string[] => fs.readdirSync(at).map((name) => path.join(at, name));
  if (!fixtures) return entries(dir);
  return entries(dir).flatMap((rule) => ['valid', 'invalid'].flatMap((kind) => (fs.existsSync(path.join(rule, kind)) ? entries(path.join(rule, kind)) : [])));
}

/** The first sentence: what the Problems panel and the CLI show. */
const firstSentence = (message: string): string => splitMessage(message).summary;

describe('messages and fix titles', () => {
  for (const folder of ['examples', path.join('test', 'rules', 'fixtures')]) {
    it(`open with a sentence of at most 100 characters and offer fix titles of at most 60, distinct per finding, in ${folder}/`, () => {
      const problems: string[] = [];
      let findings = 0;
      for (const full of workspacesIn(path.join(ROOT, folder), folder !== 'examples')) {
        const files = fs.statSync(full).isDirectory() ? filesUnder(full) : [{ uri: `file://${full}`, text: fs.readFileSync(full, 'utf8') }];
        for (const analysis of analyzeWorkspace(files).values()) {
          for (const finding of analysis.findings) {
            findings++;
            const sentence = firstSentence(finding.message);
            if (sentence.length > 100) problems.push(`${finding.ruleId} (${sentence.length}): ${sentence}`);
            const titles = finding.fixes.map((fix) => fix.title);
            for (const title of titles) if (title.length > 60) problems.push(`${finding.ruleId} fix (${title.length}): ${title}`);
            if (new Set(titles).size !== titles.length) problems.push(`${finding.ruleId} repeats a fix title: ${titles.join(' | ')}`);
          }
        }
      }
      assert.ok(findings > 20, `only ${findings} findings`);
      assert.deepEqual([...new Set(problems)], []);
    });
  }
});
