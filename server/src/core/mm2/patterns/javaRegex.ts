/**
 * A parser for java.util.regex.Pattern syntax. It does two jobs in one pass:
 * - the syntax check Java's Pattern.compile would do, with Java's PatternSyntaxException messages;
 * - a translation into an ECMAScript pattern over the alphabet of legal Kafka topic names
 *   (`[a-zA-Z0-9._-]`), which refa turns into automata. Every atom becomes the set of topic
 *   characters it can match, so Java-only syntax (`\Q…\E`, `(?i)`, `[a-z&&[^x]]`, `\p{Lower}`)
 *   translates exactly; what cannot be translated exactly (lookaround, backreferences,
 *   possessive quantifiers, word boundaries) marks the pattern unanalysable instead of guessing.
 *
 * Written by hand because regexpp and refa parse ECMAScript, which accepts `a{1` and rejects
 * `\Q…\E`. Nothing here executes a user regex.
 */
export interface RegexSyntaxError {
  message: string;
  index: number;
}

export interface JavaRegex {
  error?: RegexSyntaxError;
  /** ECMAScript source (no flags) equivalent to the pattern on topic names, when analysable. */
  topicSource?: string;
  /** Why the pattern cannot be turned into an automaton exactly. */
  unanalysable?: string;
  /** A backtracking-shaped ECMAScript translation (for catastrophic-backtracking analysis). */
  shapeSource?: string;
}

import { BoundedCache } from '../../base/cache';
import { ALL, EMPTY, ESCAPE_SETS, NAMED_SETS, caseVariants, complement, intersect, renderSet, setOf, type CharSet } from './topicCharSets';

export { TOPIC_ALPHABET } from './topicCharSets';

const SIMPLE_ESCAPE_CHARS: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', a: '\x07', e: '\x1b' };
const VALID_LETTER_ESCAPES = new Set('tnrfaedDsSwWbBAGZzhHvVRXN'.split(''));
const INLINE_FLAGS = new Set('idmsuxU'.split(''));
const MAX_REPETITION = 100;
const MAX_NESTING = 500;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const isLetter = (ch: string): boolean => /^[a-zA-Z]$/.test(ch);

class Fail extends Error {
  constructor(readonly syntax: RegexSyntaxError) {
    super(syntax.message);
  }
}

interface Flags {
  caseInsensitive: boolean;
}

/** One parsed class member or escape: a character set (and the single code point, for ranges). */
interface Member {
  set: CharSet;
  codePoint?: number;
}

class JavaRegexParser {
  private i = 0;
  private depth = 0;
  private flags: Flags = { caseInsensitive: false };
  unanalysable: string | undefined;

  constructor(private readonly src: string) {}

  parse(): string {
    const js = this.alternation();
    if (this.i < this.src.length) this.fail("Unmatched closing ')'");
    return js;
  }

  private fail(message: string, index = this.i): never {
    throw new Fail({ message, index });
  }

  private cannotAnalyse(reason: string): void {
    this.unanalysable ??= reason;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }

  private alternation(): string {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives.join('|');
  }

  private sequence(): string {
    let js = '';
    let previous: string | undefined; // the last quantifiable atom, not yet appended
    let atStart = true;
    const flush = (): void => {
      if (previous !== undefined) js += previous;
      previous = undefined;
    };
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (ch === '|') break;
      if (ch === ')') {
        if (this.depth === 0) this.fail("Unmatched closing ')'");
        break;
      }
      if (ch === '*' || ch === '+' || ch === '?') {
        if (previous === undefined) this.fail(`Dangling meta character '${ch}'`);
        this.i++;
        js += `(?:${previous})${ch}${this.quantifierSuffix()}`;
        previous = undefined;
        continue;
      }
      if (ch === '{') {
        if (previous === undefined) this.fail('Illegal repetition');
        js += `(?:${previous})${this.countedClosure()}`;
        previous = undefined;
        continue;
      }
      flush();
      if (ch === '^' || ch === '$') {
        this.i++;
        const atEnd = this.i >= this.src.length || this.peek() === '|';
        if (this.depth > 0 || (ch === '^' ? !atStart : !atEnd)) this.cannotAnalyse(`anchor \`${ch}\` in the middle of the pattern`);
        previous = '(?:)';
        atStart = false;
        continue;
      }
      previous = this.atom(atStart);
      atStart = false;
    }
    flush();
    return js;
  }

  private quantifierSuffix(): string {
    if (this.peek() === '?') {
      this.i++;
      return '?';
    }
    if (this.peek() === '+') {
      this.i++;
      this.cannotAnalyse('possessive quantifier');
    }
    return '';
  }

  private countedClosure(): string {
    const start = this.i;
    this.i++;
    if (!isDigit(this.peek())) this.fail('Illegal repetition', start);
    let min = '';
    while (isDigit(this.peek())) min += this.src[this.i++];
    let max: string | undefined;
    if (this.peek() === ',') {
      this.i++;
      max = '';
      while (isDigit(this.peek())) max += this.src[this.i++];
    }
    if (this.peek() !== '}') this.fail('Unclosed counted closure');
    this.i++;
    if (max !== undefined && max !== '' && Number(max) < Number(min)) this.fail('Illegal repetition range', start);
    if (Number(min) > MAX_REPETITION || (max !== undefined && max !== '' && Number(max) > MAX_REPETITION)) this.cannotAnalyse(`repetition count above ${MAX_REPETITION}`);
    const suffix = this.quantifierSuffix();
    const clampedMin = Math.min(Number(min), MAX_REPETITION);
    const range = max === undefined ? `{${clampedMin}}` : max === '' ? `{${clampedMin},}` : `{${clampedMin},${Math.min(Number(max), MAX_REPETITION)}}`;
    return `${range}${suffix}`;
  }

  /** Parses one atom and returns its translation. */
  private atom(atStart: boolean): string {
    const ch = this.src[this.i];
    if (ch === '(') return this.group();
    if (ch === '[') return renderSet(this.characterClass());
    if (ch === '\\') {
      const escaped = this.escape(false, atStart);
      return escaped.kind === 'set' ? renderSet(this.flags.caseInsensitive ? caseVariants(escaped.set) : escaped.set) : escaped.js;
    }
    this.i++;
    if (ch === '.') return renderSet(ALL);
    return renderSet(this.literal(ch));
  }

  private literal(ch: string): CharSet {
    const set = ALL.has(ch) ? setOf(ch) : EMPTY;
    return this.flags.caseInsensitive ? caseVariants(set) : set;
  }

  private group(): string {
    const open = this.i;
    this.i++;
    const savedFlags = { ...this.flags };
    if (this.peek() === '?') {
      this.i++;
      const kind = this.peek();
      if (kind === ':') {
        this.i++;
      } else if (kind === '=' || kind === '!') {
        this.i++;
        this.cannotAnalyse('lookahead');
      } else if (kind === '>') {
        this.i++;
        this.cannotAnalyse('atomic group');
      } else if (kind === '<') {
        this.i++;
        if (this.peek() === '=' || this.peek() === '!') {
          this.i++;
          this.cannotAnalyse('lookbehind');
        } else {
          const nameStart = this.i;
          while (this.peek() !== undefined && /[a-zA-Z0-9]/.test(this.peek() as string)) this.i++;
          if (this.i === nameStart || !isLetter(this.src[nameStart])) this.fail('capturing group name does not start with a Latin letter', nameStart);
          if (this.peek() !== '>') this.fail("named capturing group is missing trailing '>'");
          this.i++;
        }
      } else {
        const flags = this.inlineFlags();
        if (this.peek() === ')') {
          // `(?i)` changes the flags of the rest of the enclosing group: no group of its own.
          this.i++;
          this.flags = flags;
          return '(?:)';
        }
        if (this.peek() !== ':') this.fail(this.peek() === undefined ? 'Unknown group type' : 'Unknown inline modifier');
        this.i++;
        this.flags = flags;
      }
    }
    if (this.depth >= MAX_NESTING) this.fail(`Groups nested more than ${MAX_NESTING} deep: Java's Pattern.compile may overflow its stack`, open);
    this.depth++;
    const inner = this.alternation();
    this.depth--;
    this.flags = savedFlags;
    if (this.peek() !== ')') this.fail('Unclosed group', Math.max(open, this.src.length));
    this.i++;
    return `(?:${inner})`;
  }

  private inlineFlags(): Flags {
    const flags = { ...this.flags };
    let on = true;
    let sawFlag = false;
    while (this.peek() !== undefined && (INLINE_FLAGS.has(this.peek() as string) || this.peek() === '-')) {
      const flag = this.src[this.i++];
      sawFlag = true;
      if (flag === '-') on = false;
      else if (flag === 'i') flags.caseInsensitive = on;
      else if (flag === 'x' && on) this.cannotAnalyse('comments mode `(?x)`');
    }
    if (!sawFlag) this.fail('Unknown inline modifier');
    return flags;
  }

  private characterClass(): CharSet {
    const open = this.i;
    this.i++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const operands: CharSet[] = [new Set()];
    let first = true;
    let previousSingle: number | undefined;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('Unclosed character class', Math.max(open, this.src.length - 1));
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const current = operands[operands.length - 1];
      if (ch === '&' && this.peek(1) === '&') {
        this.i += 2;
        operands.push(new Set());
        previousSingle = undefined;
        continue;
      }
      if (ch === '-' && previousSingle !== undefined && this.peek(1) !== undefined && this.peek(1) !== ']') {
        const rangeStart = this.i - 1;
        this.i++;
        const end = this.classMember();
        if (end.codePoint === undefined || end.codePoint < previousSingle) this.fail('Illegal character range', rangeStart);
        for (const c of ALL) {
          const code = c.codePointAt(0) as number;
          if (code >= previousSingle && code <= end.codePoint) current.add(c);
        }
        previousSingle = undefined;
        continue;
      }
      const member = this.classMember();
      for (const c of member.set) current.add(c);
      previousSingle = member.codePoint;
    }
    if (negated && operands.length > 1) this.cannotAnalyse('negated class intersection');
    let result = operands.reduce(intersect);
    if (this.flags.caseInsensitive) result = caseVariants(result);
    return negated ? complement(result) : result;
  }

  private classMember(): Member {
    const ch = this.src[this.i];
    if (ch === '\\') {
      const escaped = this.escape(true, false);
      return escaped.kind === 'set' ? { set: escaped.set, codePoint: escaped.codePoint } : { set: new Set() };
    }
    if (ch === '[') return { set: this.characterClass() };
    const cp = this.src.codePointAt(this.i) as number;
    this.i += cp > 0xffff ? 2 : 1;
    const literal = String.fromCodePoint(cp);
    return { set: ALL.has(literal) ? setOf(literal) : new Set(), codePoint: cp };
  }

  /** Parses an escape at '\'. Character escapes become sets; assertions become JS fragments. */
  private escape(inClass: boolean, atStart: boolean): { kind: 'set'; set: CharSet; codePoint?: number } | { kind: 'js'; js: string } {
    const start = this.i;
    this.i++;
    const ch = this.peek();
    if (ch === undefined) this.fail('Unexpected internal error', start);
    this.i++;
    const single = (codePoint: number): { kind: 'set'; set: CharSet; codePoint: number } => {
      const literal = String.fromCodePoint(codePoint);
      return { kind: 'set', set: ALL.has(literal) ? setOf(literal) : new Set(), codePoint };
    };
    if (ch === 'Q') {
      const end = this.src.indexOf('\\E', this.i);
      const quoted = this.src.slice(this.i, end < 0 ? this.src.length : end);
      this.i = end < 0 ? this.src.length : end + 2;
      if (inClass) return { kind: 'set', set: new Set([...quoted].filter((c) => ALL.has(c))) };
      return { kind: 'js', js: `(?:${[...quoted].map((c) => renderSet(this.literal(c))).join('')})` };
    }
    if (ch === 'E') return { kind: 'js', js: '' };
    if (isDigit(ch)) {
      if (ch === '0') {
        let octal = '';
        while (octal.length < 3 && this.peek() !== undefined && /[0-7]/.test(this.peek() as string)) octal += this.src[this.i++];
        if (octal === '') this.fail('Illegal octal escape sequence', start);
        return single(parseInt(octal, 8));
      }
      if (inClass) this.fail('Illegal/unsupported escape sequence', start);
      while (isDigit(this.peek())) this.i++;
      this.cannotAnalyse('backreference');
      return { kind: 'js', js: '(?:)' };
    }
    if (ch === 'x') {
      if (this.peek() === '{') {
        const close = this.src.indexOf('}', this.i);
        const hex = close < 0 ? '' : this.src.slice(this.i + 1, close);
        if (close < 0 || hex === '' || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) this.fail('Illegal hexadecimal escape sequence', start);
        this.i = close + 1;
        return single(parseInt(hex, 16));
      }
      if (!isHex(this.peek()) || !isHex(this.peek(1))) this.fail('Illegal hexadecimal escape sequence', start);
      this.i += 2;
      return single(parseInt(this.src.slice(this.i - 2, this.i), 16));
    }
    if (ch === 'u') {
      for (let k = 0; k < 4; k++) if (!isHex(this.peek(k))) this.fail('Illegal Unicode escape sequence', start);
      this.i += 4;
      return single(parseInt(this.src.slice(this.i - 4, this.i), 16));
    }
    if (ch === 'c') {
      if (this.peek() === undefined) this.fail('Illegal control escape sequence', start);
      this.i++;
      return { kind: 'set', set: new Set() };
    }
    if (ch === 'p' || ch === 'P') {
      let name: string;
      if (this.peek() === '{') {
        const close = this.src.indexOf('}', this.i);
        if (close < 0) this.fail('Unclosed character family', start);
        if (close === this.i + 1) this.fail('Empty character family', start);
        name = this.src.slice(this.i + 1, close);
        this.i = close + 1;
      } else if (this.peek() !== undefined && isLetter(this.peek() as string)) {
        name = this.src[this.i++];
      } else {
        this.fail('Illegal character family', start);
      }
      const known = NAMED_SETS[name.replace(/^Is(?=[A-Z]{2,})/, '')] ?? NAMED_SETS[name];
      if (known === undefined) {
        this.cannotAnalyse(`character property \\p{${name}}`);
        return { kind: 'set', set: new Set() };
      }
      const set = setOf(known);
      return { kind: 'set', set: ch === 'P' ? complement(set) : set };
    }
    if (ch === 'k') {
      if (inClass || this.peek() !== '<') this.fail("\\k is not followed by '<' for named capturing group", start);
      const close = this.src.indexOf('>', this.i);
      if (close < 0) this.fail("named capturing group is missing trailing '>'", start);
      this.i = close + 1;
      this.cannotAnalyse('backreference');
      return { kind: 'js', js: '(?:)' };
    }
    if (ch === 'N') {
      if (this.peek() !== '{' || this.src.indexOf('}', this.i) < 0) this.fail('Illegal character name escape sequence', start);
      this.i = this.src.indexOf('}', this.i) + 1;
      this.cannotAnalyse('named character');
      return { kind: 'set', set: new Set() };
    }
    if (ch === 'b' && this.peek() === '{') {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) this.fail('Unclosed \\b{...} boundary', start);
      this.i = close + 1;
      this.cannotAnalyse('boundary');
      return { kind: 'js', js: '(?:)' };
    }
    if (isLetter(ch)) {
      if (!VALID_LETTER_ESCAPES.has(ch)) this.fail('Illegal/unsupported escape sequence', start);
      if (ESCAPE_SETS[ch] !== undefined) return { kind: 'set', set: setOf(ESCAPE_SETS[ch]) };
      if (ESCAPE_SETS[ch.toLowerCase()] !== undefined) return { kind: 'set', set: complement(setOf(ESCAPE_SETS[ch.toLowerCase()])) };
      if (SIMPLE_ESCAPE_CHARS[ch] !== undefined) return single(SIMPLE_ESCAPE_CHARS[ch].codePointAt(0) as number);
      if (inClass) this.fail('Illegal/unsupported escape sequence', start);
      if (ch === 'A') {
        if (this.depth > 0 || !atStart) this.cannotAnalyse('anchor `\\A` in the middle of the pattern');
        return { kind: 'js', js: '(?:)' };
      }
      if (ch === 'z' || ch === 'Z') {
        if (this.depth > 0 || (this.i < this.src.length && this.peek() !== '|')) this.cannotAnalyse(`anchor \`\\${ch}\` in the middle of the pattern`);
        return { kind: 'js', js: '(?:)' };
      }
      if (ch === 'R') return { kind: 'set', set: new Set() };
      this.cannotAnalyse(`\\${ch}`);
      return { kind: 'js', js: '(?:)' };
    }
    return single(ch.codePointAt(0) as number);
  }
}

const PARSED = new BoundedCache<string, JavaRegex>(5000);

/** Parses a Java regex: its syntax error, or its translation for automata. Never throws. */
export function parseJavaRegex(pattern: string): JavaRegex {
  return PARSED.get(pattern, parseUncached);
}

function parseUncached(pattern: string): JavaRegex {
  const parser = new JavaRegexParser(pattern);
  try {
    const js = parser.parse();
    return parser.unanalysable ? { unanalysable: parser.unanalysable, shapeSource: js } : { topicSource: js, shapeSource: js };
  } catch (error) {
    if (error instanceof Fail) return { error: error.syntax };
    return { unanalysable: `too complex to analyse (${(error as Error).message})` };
  }
}

/** Returns the first syntax error Java's Pattern.compile would report, or undefined. */
export function checkJavaRegex(pattern: string): RegexSyntaxError | undefined {
  return parseJavaRegex(pattern).error;
}
