// The YAML reader parses a stream per `---` stretch and takes unchanged stretches over from the
// file's previous version. Both must give what the yaml library gives for the whole stream.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Lexer, isCollection, isNode, isPair, isScalar, parseAllDocuments, type Document } from 'yaml';
import { parseYamlDocuments } from '../../../server/src/core/formats/yaml/documents';

const ROOT = path.join(__dirname, '..', '..', '..');

function yamlFiles(): string[] {
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

/** Everything the readers use of a node tree: kinds, positions, values, comments. */
function shape(node: unknown): unknown {
  if (isPair(node)) return { key: shape(node.key), value: shape(node.value) };
  if (!isNode(node)) return node ?? null;
  const own = { kind: node.constructor.name, range: node.range, tag: node.tag, anchor: node.anchor, comment: node.comment, commentBefore: node.commentBefore, spaceBefore: node.spaceBefore };
  if (isScalar(node)) return { ...own, value: node.value, type: node.type };
  if (isCollection(node)) return { ...own, flow: node.flow, items: node.items.map(shape) };
  return own;
}

/** The whole-stream parse adds ` at line L, column C:` and a source excerpt, which the editor shows by range anyway. */
const plain = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '');

function documentShape(document: Document.Parsed): unknown {
  return {
    range: document.range,
    warnings: document.warnings.map((e) => [e.code, e.pos, plain(e.message)]),
    contents: shape(document.contents),
    directivesEnd: document.directives?.docStart,
  };
}

const whole = (text: string) => parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' } as never) as unknown as Document.Parsed[];

/**
 * The one place the two differ on purpose: an unclosed quote before a `---`. When no closing quote
 * follows anywhere, the yaml library's lexer takes the rest of the file, later documents included,
 * as the scalar (its document, or its error, spans a marker line); YAML forbids a document marker
 * inside a scalar, and per stretch the documents after it are read. When one follows in a later
 * document, the error is one character earlier than at the end of the stretch.
 */
function unclosedQuote(documents: Document.Parsed[], text: string): boolean {
  const unclosed = [...new Lexer().lex(text)].some((lexeme) => /^["']/.test(lexeme) && (lexeme.length < 2 || !lexeme.endsWith(lexeme[0]) || /\n---(?=[ \t\r\n]|$)/.test(lexeme)));
  return unclosed || documents.some((d) => d.errors.some((e) => /^Missing closing .quote/.test(e.message)));
}

function assertSameDocuments(actual: Document.Parsed[], text: string, message: string): void {
  const expected = whole(text);
  if (unclosedQuote(expected, text)) return;
  if (actual.length === expected.length) {
    assert.deepEqual(actual.map(documentShape), expected.map(documentShape), message);
    // A file's syntax errors are reported together; the whole-stream parse sometimes files an
    // error of a broken document under the one before it.
    assert.deepEqual(allErrors(actual), allErrors(expected), message);
    return;
  }
  // Broken input where the whole-stream parse merges the empty document after a `---` into a
  // broken one before it (a stray `}` opening a document): the file's first error must agree.
  assert.ok(expected.some((d) => d.errors.length > 0), message);
  assert.deepEqual(firstError(actual), firstError(expected), message);
}

function allErrors(documents: Document.Parsed[]): unknown {
  return documents.flatMap((d) => d.errors).map((e) => [e.code, e.pos, plain(e.message)]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function firstError(documents: Document.Parsed[]): unknown {
  const errors = documents.flatMap((d) => d.errors).sort((a, b) => a.pos[0] - b.pos[0]);
  return errors.slice(0, 1).map((e) => [e.code, e.pos, plain(e.message)]);
}

const PIECES = ['---\n', '--- |\n  text\n', '...\n', 'a: 1\n', '  - x\n', '# note\n', 'b: [1,\n', '"open\n', "k: 'v'\n", 'key:\n  nested: &a 1\n', 'ref: *a\n', '\n', ':', '-', '{', '}', '\t', '---', '--- # c\n', '- |\n  ---\n'];

describe('YAML documents parsed per stretch', () => {
  const files = yamlFiles();

  it('equal the whole stream parsed at once, on every YAML file of the examples and fixtures', () => {
    assert.ok(files.length > 50, `${files.length} files`);
    for (const text of files) assertSameDocuments(parseYamlDocuments(text).documents, text, text.slice(0, 200));
  });

  it('equal it on random streams of markers, comments, scalars and broken pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assertSameDocuments(parseYamlDocuments(text).documents, text, JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('taken over from the previous version after an edit, equal a fresh parse', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files.filter((t) => t.includes('\n---'))), fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        let parsed = parseYamlDocuments(text);
        for (const [at, deleted, inserted] of edits) {
          const offset = at % (text.length + 1);
          const before = text;
          text = text.slice(0, offset) + inserted + text.slice(offset + deleted);
          parsed = parseYamlDocuments(text, { text: before, chunks: parsed.chunks });
          assertSameDocuments(parsed.documents, text, JSON.stringify(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-parses only the stretch an edit touched', () => {
    const text = Array.from({ length: 5 }, (_, i) => `---\nname: doc-${i}\n`).join('');
    const before = parseYamlDocuments(text);
    const after = parseYamlDocuments(text.replace('doc-2', 'document-2'), { text, chunks: before.chunks });
    assert.equal(after.documents.length, 5);
    assert.deepEqual(after.documents.map((d, i) => d === before.documents[i]), [true, true, false, true, true]);
    // The later documents moved with the text before them.
    assert.equal(after.documents[4].range[0], text.indexOf('---\nname: doc-4') + 'ument'.length);
  });

  it('keeps a stream with directives in one piece (a directive belongs to the next marker)', () => {
    const text = 'a: 1\n...\n%YAML 1.2\n---\nb: 2\n';
    const parsed = parseYamlDocuments(text);
    assert.equal(parsed.chunks.length, 1);
    assertSameDocuments(parsed.documents, text, text);
  });
});
