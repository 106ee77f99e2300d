import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkJavaRegex } from '../../../server/src/core/mm2/patterns/javaRegex';
import { compilePatternList, matcher } from '../../../server/src/core/mm2/patterns/automata';

describe('Java regex syntax check', () => {
  const valid = [
    '.*', 'orders', 'customer-.*', '.*[\\-\\.]internal', '__.*', 'a{1,3}', 'a{2,}', '(?i)orders', '(?i:orders)',
    '\\Qa.b\\E', '\\Qunterminated', 'a*+', 'a++b', '(?>ab)', '(?<name>x)\\k<name>', '[a-z&&[^x]]', '[\\w.-]+',
    '\\p{Lower}+', '\\p{javaLowerCase}', '\\x{1F600}', '\\u00e9', '\\0101', 'a]b}', '^(K2\\.)?orders$', '\\-', '[^]a]',
  ];
  const invalid: [string, RegExp][] = [
    ['a{1', /Unclosed counted closure/],
    ['3}', /^$/], // '}' alone is a literal in Java: valid, checked below
    ['(a', /Unclosed group/],
    ['a)', /Unmatched closing/],
    ['*a', /Dangling meta character '\*'/],
    ['a**', /Dangling meta character/],
    ['{', /Illegal repetition/],
    ['a{x}', /Illegal repetition/],
    ['a{3,1}', /Illegal repetition range/],
    ['[a-', /Unclosed character class/],
    ['[z-a]', /Illegal character range/],
    ['\\y', /Illegal\/unsupported escape/],
    ['\\x4', /Illegal hexadecimal/],
    ['\\u12', /Illegal Unicode/],
    ['(?z)', /Unknown inline modifier/],
    ['abc\\', /Unexpected internal error/],
  ];

  for (const pattern of valid) it(`accepts ${pattern}`, () => assert.equal(checkJavaRegex(pattern), undefined));
  for (const [pattern, message] of invalid) {
    if (pattern === '3}') {
      it('accepts a lone } as a literal, as Java does', () => assert.equal(checkJavaRegex(pattern), undefined));
      continue;
    }
    it(`rejects ${pattern}`, () => {
      const error = checkJavaRegex(pattern);
      assert.ok(error, `expected an error for ${pattern}`);
      assert.match(error.message, message);
    });
  }

  // Each of these was a disagreement with java.util.regex found by the Kafka-oracle layer (test/kafka).
  const fromTheOracle: [string, boolean][] = [
    ['{1}', true], // a counted closure with nothing before it applies to an empty node
    ['a|{2}x', true],
    ['a{2}{3}', true],
    ['(?x)a b {2} # comment', true],
    ['(?x)[#a]', false], // the comment runs to the end of the line, the class stays open
    ['(?x)a(?-x) b', true],
    ['(?x)a{ 2}', false],
    ['(?x)a{2 , 3}', true],
    ['(?--i)a', false],
    ['(?c)a', true],
    ['(?-i:(?x)a # c)', false],
    ['\\k<n>', false],
    ['(?<n>a)\\k<n>', true],
    ['(?<n>a)(?<n>b)', false],
    ['a(?<=b*)', true],
    ['a(?<=(?:bc)*)', false],
    ['a(?<=(c)*x)', true],
    ['a(?<=x(c)*)', false],
    ['a(?<=x.*)', true],
    ['a(?<=x.*?)', false],
    ['a(?<=(b)\\1)', false],
    ['(?<!(?<!a)+)$', true],
  ];
  for (const [pattern, compiles] of fromTheOracle) {
    it(`${compiles ? 'accepts' : 'rejects'} ${pattern} as java.util.regex does`, () => assert.equal(checkJavaRegex(pattern) === undefined, compiles, JSON.stringify(checkJavaRegex(pattern))));
  }

  // Matches the oracle disagreed on: `\c` is the next character XOR 64 (`\c.` is `n`).
  const matchesFromTheOracle: [string, string, boolean][] = [
    ['\\c.', 'n', true],
    ['\\c0', 'p', true],
    ['\\c.', '.', false],
  ];
  for (const [pattern, topic, matches] of matchesFromTheOracle) {
    it(`${pattern} ${matches ? 'matches' : 'does not match'} ${topic} as java.util.regex does`, () => {
      const { nfa } = compilePatternList([pattern]);
      assert.equal(matcher(nfa!)(topic), matches);
    });
  }

  it('does not throw or hang on deep nesting or hostile input', () => {
    assert.ok(checkJavaRegex('('.repeat(100_000)));
    assert.equal(checkJavaRegex('(a+)+$'), undefined);
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (pattern) => {
      checkJavaRegex(pattern);
    }), { numRuns: 3000 });
  });
});
