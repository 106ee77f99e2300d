import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseProperties } from '../../../server/src/core/formats/properties/parse';

const entries = (text: string) => parseProperties(text).entries.map((e) => [e.key, e.value]);

describe('properties parser', () => {
  it('reads =, : and whitespace separators', () => {
    assert.deepEqual(entries('a=1\nb : 2\nc 3\nd\t=\t4\ne'), [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '']]);
  });

  it('skips # and ! comments and blank lines, keeping comments', () => {
    const doc = parseProperties('# one\n\n  ! two\nkey = v # not a comment\n');
    assert.deepEqual(doc.entries.map((e) => [e.key, e.value]), [['key', 'v # not a comment']]);
    assert.deepEqual(doc.comments.map((c) => c.text), ['# one', '! two']);
  });

  it('joins continuation lines and drops the next line\'s leading whitespace', () => {
    assert.deepEqual(entries('topics = a, \\\n    b, \\\n    c\nnext = 1'), [['topics', 'a, b, c'], ['next', '1']]);
  });

  it('treats an even number of trailing backslashes as literal backslashes', () => {
    assert.deepEqual(entries('path = C:\\\\\nnext = 1'), [['path', 'C:\\'], ['next', '1']]);
  });

  it('decodes \\uXXXX and single-character escapes, including escaped separators in keys', () => {
    assert.deepEqual(entries('a\\=b\\:c\\ d = x\\u0041\\ty\\n'), [['a=b:c d', 'xA\ty\n']]);
  });

  it('reports a malformed \\u escape as a problem instead of throwing', () => {
    const doc = parseProperties('k = \\u12G4');
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0].message, /Malformed/);
    assert.equal(doc.text.slice(doc.problems[0].range.start, doc.problems[0].range.end), '\\u12G4');
  });

  it('keeps exact key and value ranges, across CRLF and continuations', () => {
    const text = 'x=1\r\n  K1->K2.topics = a,\\\r\n     b\r\n';
    const [, entry] = parseProperties(text).entries;
    assert.equal(text.slice(entry.keyRange.start, entry.keyRange.end), 'K1->K2.topics');
    assert.equal(text.slice(entry.valueRange.start, entry.valueRange.end), 'a,\\\r\n     b');
    assert.equal(entry.value, 'a,b');
    assert.equal(text[entry.valueOffsets.at(2)], 'b');
  });

  it('treats a comment character on a continuation line as part of the value', () => {
    assert.deepEqual(entries('a = 1\\\n# still value'), [['a', '1# still value']]);
  });

  it('never throws and keeps every range inside the text (property-based)', () => {
    const alphabet = fc.constantFrom('a', 'K', '1', '.', '-', '>', '=', ':', ' ', '\t', '\\', 'u', '0', 'F', '#', '!', '\n', '\r', ',', '{', '}', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }).map((chars) => chars.join('')), (text) => {
        const doc = parseProperties(text);
        const inside = (r: { start: number; end: number }) => r.start >= 0 && r.end <= text.length && r.start <= r.end;
        for (const entry of doc.entries) {
          assert.ok(inside(entry.keyRange) && inside(entry.valueRange) && inside(entry.lineRange), JSON.stringify({ text, entry }));
          assert.equal(entry.keyOffsets.length, entry.key.length + 1);
          assert.equal(entry.valueOffsets.length, entry.value.length + 1);
        }
        for (const problem of doc.problems) assert.ok(inside(problem.range));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      parseProperties(text);
    }), { numRuns: 1000 });
  });
});
