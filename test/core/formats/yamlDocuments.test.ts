// The YAML reader parses a stream per `---` stretch and takes unchanged stretches over from the
// file's previous version. Both must give what the yaml library gives for the whole stream.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Lexer, isCollection, isNode, isPair, isScalar, parseAllDocuments, type Document } from 'yaml';
import { MAX_YAML_DEPTH, parseYamlDocuments } from '../../../server/src/core/formats/yaml/documents';
import { documentValue } from '../../../server/src/core/formats/yaml/plainValue';
import { exampleYamlFiles } from './exampleYamlFiles';
import { keystrokes, typed } from './keystrokes';

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

/** What yaml's own conversion gives for a document, as documentValue reports it. */
function yamlValue(document: Document): { value?: unknown; problem?: string } {
  try {
    return { value: document.toJS({ maxAliasCount: 200 }) };
  } catch (error) {
    return { problem: (error as Error).message.split('\n')[0].replace(/\s*Please report it\.?$/, '') };
  }
}

const PIECES = ['---\n', '--- |\n  text\n', '...\n', 'a: 1\n', '  - x\n', '# note\n', 'b: [1,\n', '"open\n', "k: 'v'\n", 'key:\n  nested: &a 1\n', 'ref: *a\n', '\n', ':', '-', '{', '}', '\t', '---', '--- # c\n', '- |\n  ---\n'];

describe('YAML documents parsed per stretch', () => {
  const files = exampleYamlFiles();

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

  it('patches one of two identical documents without touching the other, which is taken over', () => {
    const document = 'kind: KafkaMirrorMaker2\nspec:\n  clusters:\n  - alias: a\n    bootstrapServers: a:9092\n  replicas: 1\n';
    const text = `${document}---\n${document}---\n${document}---\n${document}`;
    const before = parseYamlDocuments(text);
    const second = text.indexOf('a:9092', text.indexOf('a:9092') + 1);
    const edited = `${text.slice(0, second)}b${text.slice(second + 1)}`;
    const after = parseYamlDocuments(edited, { text, chunks: before.chunks });
    assert.equal(new Set(after.documents).size, 4);
    assertSameDocuments(after.documents, edited, edited);
  });

  it('keeps a stream with directives in one piece (a directive belongs to the next marker)', () => {
    const text = 'a: 1\n...\n%YAML 1.2\n---\nb: 2\n';
    const parsed = parseYamlDocuments(text);
    assert.equal(parsed.chunks.length, 1);
    assertSameDocuments(parsed.documents, text, text);
  });

  it('patched in place for an edit within one line, equal a fresh parse', () => {
    // Typing: one character replaced, inserted or deleted on a line, several times over.
    const CHARACTERS = ['a', '7', ' ', '#', ':', '{', '}', '[', ']', ',', '"', "'", '-', '?', '&', '*', '|', '.', '\\'];
    const big = ['kind: KafkaTopology', 'cluster: K1', '', '# the topics', 'topics:'];
    for (let i = 0; i < 40; i++) big.push(i % 9 === 0 ? `  # group ${i}` : `  topic-${i}: { partitions: ${i % 5}, config: { retention.ms: "${i}" } }`);
    big.push('consumers:', '  - { group: a, topics: [topic-1] }', '', '  - { group: b, pattern: "(K2\\\\.)?topic-.*" }', '  - group: c', '    topics: [x]', '# end');
    const texts = [...files, big.join('\n') + '\n'];
    let patchedEdits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...texts), keystrokes(CHARACTERS, 8), (start, edits) => {
        let text = start;
        let parsed = parseYamlDocuments(text);
        for (const keystroke of edits) {
          const before = text;
          const previous = parsed;
          const { text: after, index } = typed(text, keystroke);
          text = after;
          parsed = parseYamlDocuments(text, { text: before, chunks: previous.chunks });
          if (parsed.chunks.some((chunk, i) => chunk !== previous.chunks[i] && chunk.documents === previous.chunks[i]?.documents)) patchedEdits++;
          const message = JSON.stringify({ before: before.split('\n')[index], after: text.split('\n')[index] });
          assertSameDocuments(parsed.documents, text, message);
          // And exactly what parsing the text afresh gives, the comments of the documents too.
          const fresh = parseYamlDocuments(text).documents;
          const withComments = (d: Document.Parsed) => ({ shape: documentShape(d), comment: d.comment, commentBefore: d.commentBefore, errors: d.errors.map((e) => [e.code, e.pos]) });
          assert.deepEqual(parsed.documents.map(withComments), fresh.map(withComments), message);
          // Their plain values (the schema checks read them), converted again only where patched, are yaml's own.
          assert.deepEqual(parsed.documents.map(documentValue), fresh.map(yamlValue), message);
        }
      }),
      { numRuns: 1500 },
    );
    // The property is about patches: enough edits must have been patched rather than parsed again.
    assert.ok(patchedEdits > 300, `${patchedEdits} edits patched`);
  });

  it('gives plain values as yaml does, converting again only collections a patch changed', () => {
    const texts = [
      'a: &x { b: 1 }\nc: *x\n', 'base: &b { x: 1 }\nmerged:\n  <<: *b\n  y: 2\n', '%YAML 1.1\n---\nm:\n  <<: { x: 1 }\n', 'set: !!set { a, b }\nomap: !!omap [ { a: 1 } ]\n',
      '__proto__: { polluted: true }\nok: 1\n', ': no key\n? [complex, key]\n: v\n', 'flow: [a: 1, b]\nn: ~\nbin: !!binary aGVsbG8=\n', 'dup: 1\ndup: 2\n', '', '# only a comment\n',
    ];
    for (const text of texts) assert.deepEqual(parseYamlDocuments(text).documents.map(documentValue), whole(text).map(yamlValue), text);
    const lines = ['topics:'];
    for (let i = 0; i < 100; i++) lines.push(`  topic-${i}: { partitions: 12, config: { retention.ms: "1" } }`);
    const text = lines.join('\n');
    const first = parseYamlDocuments(text);
    const before = documentValue(first.documents[0]).value as { topics: Record<string, unknown> };
    const edited = text.replace('topic-50: { partitions: 12', 'topic-50: { partitions: 13');
    const patched = parseYamlDocuments(edited, { text, chunks: first.chunks });
    assert.equal(patched.documents[0], first.documents[0]);
    const after = documentValue(patched.documents[0]).value as { topics: Record<string, unknown> };
    assert.deepEqual(after, whole(edited)[0].toJS());
    // The entries the patch did not touch keep their values; the one it did and the maps around it are new.
    assert.equal(after.topics['topic-49'], before.topics['topic-49']);
    assert.notEqual(after.topics['topic-50'], before.topics['topic-50']);
    assert.notEqual(after.topics, before.topics);
  });

  it('checks the nesting limit on a patched line: no deeper than before passes, deeper is scanned and refused', () => {
    const line = (depth: number) => `  b: ${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const text = `a:\n${line(150)}\n  c: 1\n`;
    const first = parseYamlDocuments(text);
    const shallower = text.replace(line(150), line(149));
    const patched = parseYamlDocuments(shallower, { text, chunks: first.chunks });
    assert.equal(patched.documents[0], first.documents[0], 'patched in place');
    assert.deepEqual(patched.problems, []);
    const deeper = shallower.replace(line(149), line(210));
    const refused = parseYamlDocuments(deeper, { text: shallower, chunks: patched.chunks });
    assert.deepEqual(refused.problems.map((p) => p.message), [`Not analysed: this YAML nests more than ${MAX_YAML_DEPTH} levels deep here.`]);
    assert.deepEqual(refused.problems, parseYamlDocuments(deeper).problems);
  });

  it('parses again when the last entry of a map loses or gains its value (the maps around it end elsewhere)', () => {
    // With a value, a block map ends after its last line's break; with `key:` alone, before it.
    const text = 'metadata:\n  labels:\n    strimzi.io/cluster: k2\nspec:\n  partitions: 3\n';
    for (const [from, to] of [['strimzi.io/cluster: k2', 'strimzi.io/clu:'], ['partitions: 3', 'partitions:']]) {
      const edited = text.replace(from, to);
      const patched = parseYamlDocuments(edited, { text, chunks: parseYamlDocuments(text).chunks });
      assertSameDocuments(patched.documents, edited, to);
      const back = parseYamlDocuments(text, { text: edited, chunks: patched.chunks });
      assertSameDocuments(back.documents, text, from);
    }
  });

  it('patches a long declaration file for a keystroke in one entry or comment, without parsing it again', () => {
    const lines = ['kind: KafkaTopology', 'cluster: K1', 'topics:'];
    for (let i = 0; i < 2000; i++) lines.push(`  topic-${i}: { partitions: 12 }`);
    lines.push('consumers:', '  - { group: billing, topics: [topic-1] }', '# edit 1');
    const text = lines.join('\n');
    const first = parseYamlDocuments(text);
    const edited = text.replace('topic-1500: { partitions: 12 }', 'topic-1500: { partitions: 120 }').replace('# edit 1', '# edit 12');
    const entry = parseYamlDocuments(edited.replace('# edit 12', '# edit 1'), { text, chunks: first.chunks });
    assert.equal(entry.documents[0], first.documents[0]);
    const comment = parseYamlDocuments(edited, { text: edited.replace('# edit 12', '# edit 1'), chunks: entry.chunks });
    assert.equal(comment.documents[0], first.documents[0]);
    assertSameDocuments(comment.documents, edited, 'after both edits');
  });
});
