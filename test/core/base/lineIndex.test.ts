import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/core/base/lineIndex';

/** Line starts as LSP counts them: after \r\n, \r or \n. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

describe('LineIndex', () => {
  it('agrees with the line breaks LSP counts, with and without \\r, at every offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ' ', '\n\n'), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const index = new LineIndex(text);
        const starts = lineStarts(text);
        assert.equal(index.lineCount, starts.length);
        for (let offset = 0; offset <= text.length; offset++) {
          let line = starts.length - 1;
          while (starts[line] > offset) line--;
          assert.deepEqual(index.positionAt(offset), { line, character: offset - starts[line] }, JSON.stringify({ text, offset }));
        }
        starts.forEach((start, line) => assert.equal(index.offsetAt({ line, character: 0 }), start));
      }),
      { numRuns: 500 },
    );
  });
});
