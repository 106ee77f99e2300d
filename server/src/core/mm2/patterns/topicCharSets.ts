/**
 * Character sets over the characters legal in Kafka topic names. The Java regex translation maps
 * every atom to such a set, which is exact for topic names whatever the regex says about others.
 */
export const TOPIC_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-';
export const LOWER = TOPIC_ALPHABET.slice(0, 26);
export const UPPER = TOPIC_ALPHABET.slice(26, 52);
export const DIGITS = '0123456789';

/** A set of topic-name characters. */
export type CharSet = Set<string>;
export const setOf = (chars: string): CharSet => new Set(chars);
export const ALL: CharSet = setOf(TOPIC_ALPHABET);
export const complement = (set: CharSet): CharSet => new Set([...ALL].filter((c) => !set.has(c)));
export const intersect = (a: CharSet, b: CharSet): CharSet => new Set([...a].filter((c) => b.has(c)));

/** Java character classes and properties, restricted to topic characters. */
export const NAMED_SETS: Record<string, string> = {
  Lower: LOWER, Upper: UPPER, ASCII: TOPIC_ALPHABET, Alpha: LOWER + UPPER, Digit: DIGITS, Alnum: LOWER + UPPER + DIGITS,
  Punct: '._-', Graph: TOPIC_ALPHABET, Print: TOPIC_ALPHABET, Blank: '', Cntrl: '', XDigit: `${DIGITS}abcdefABCDEF`, Space: '',
  javaLowerCase: LOWER, javaUpperCase: UPPER, javaWhitespace: '', javaMirrored: '', javaLetter: LOWER + UPPER, javaDigit: DIGITS,
  javaLetterOrDigit: LOWER + UPPER + DIGITS, javaAlphabetic: LOWER + UPPER,
  L: LOWER + UPPER, IsL: LOWER + UPPER, Letter: LOWER + UPPER, IsLetter: LOWER + UPPER, IsAlphabetic: LOWER + UPPER, Alphabetic: LOWER + UPPER,
  Lu: UPPER, IsLu: UPPER, IsUppercase: UPPER, Uppercase: UPPER, Ll: LOWER, IsLl: LOWER, IsLowercase: LOWER, Lowercase: LOWER,
  N: DIGITS, Nd: DIGITS, IsN: DIGITS, IsDigit: DIGITS, IsLatin: LOWER + UPPER, InBasicLatin: TOPIC_ALPHABET,
  P: '._-', IsPunctuation: '._-', Pd: '-', Pc: '_', Po: '.', IsWhite_Space: '', IsWhiteSpace: '',
};

export const ESCAPE_SETS: Record<string, string> = { d: DIGITS, w: LOWER + UPPER + DIGITS + '_', s: '', h: '', v: '' };
export const EMPTY: CharSet = new Set();

export function renderSet(set: CharSet): string {
  if (set.size === ALL.size) return '[a-zA-Z0-9._\\-]';
  if (set.size === 1) {
    const [only] = set;
    return only === '-' || only === '.' ? `\\${only}` : only;
  }
  return `[${[...set].map((c) => (c === '-' || c === '.' ? `\\${c}` : c)).join('')}]`;
}

export function caseVariants(set: CharSet): CharSet {
  const result = new Set(set);
  for (const c of set) {
    result.add(c.toLowerCase());
    result.add(c.toUpperCase());
  }
  return intersect(result, ALL);
}

