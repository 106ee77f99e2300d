import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainText, splitMessage } from '../../../server/src/core';

describe('splitMessage: the Problems panel line and the explanation', () => {
  it('ends the first sentence at a full stop followed by a space', () => {
    assert.deepEqual(splitMessage('Topic `payments` is not declared in K2. Declare it.'), { summary: 'Topic `payments` is not declared in K2.', detail: 'Declare it.' });
  });
  it('drops a closing colon and starts the explanation with a capital', () => {
    assert.deepEqual(splitMessage('Replication loop K1 → K2 → K1: topic `orders` comes back.'), { summary: 'Replication loop K1 → K2 → K1', detail: 'Topic `orders` comes back.' });
  });
  it('does not end a sentence inside parentheses, code spans or after e.g.', () => {
    assert.deepEqual(splitMessage('Set `a. b` (default: 1. 2) e.g. to 3. Then rerun.'), { summary: 'Set `a. b` (default: 1. 2) e.g. to 3.', detail: 'Then rerun.' });
  });
  it('keeps a one-sentence message whole, with nothing to explain', () => {
    assert.deepEqual(splitMessage('Unknown MM2 property `x.y`.'), { summary: 'Unknown MM2 property `x.y`.' });
    assert.deepEqual(splitMessage('Ends with a colon: '), { summary: 'Ends with a colon: ' });
  });
});

describe('plainText', () => {
  it('quotes code spans as ESLint quotes names, and leaves a lone backtick alone', () => {
    assert.equal(plainText('Rename `K4` to `K1` in `K4.a`'), "Rename 'K4' to 'K1' in 'K4.a'");
    assert.equal(plainText('a ` b'), 'a ` b');
  });
});
