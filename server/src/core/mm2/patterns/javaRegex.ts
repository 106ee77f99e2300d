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
import { removeQuoting } from './javaQuoting';
import { deterministic, lookbehindBounded, MAX_REPS, type JavaNode } from './lookbehindStudy';
import { ALL, EMPTY, ESCAPE_SETS, NAMED_SETS, caseVariants, complement, intersect, renderSet, setOf, type CharSet } from './topicCharSets';

export { TOPIC_ALPHABET } from './topicCharSets';

const SIMPLE_ESCAPE_CHARS: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', a: '\x07', e: '\x1b' };
const VALID_LETTER_ESCAPES = new Set('tnrfaedDsSwWbBAGZzhHvVRXN'.split(''));
const INLINE_FLAGS = new Set('idmsuxUc'.split(''));
const LINE_TERMINATORS = '\n\r\u0085\u2028\u2029';
const COMMENT_WHITESPACE = ' \t\n\x0B\f\r';
const MAX_REPETITION = 100;
const MAX_NESTING = 500;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const isLetter = (ch: string): boolean => /^[a-zA-Z]$/.test(ch);

/** The Java nodes an atom becomes, and what decides how a quantifier wraps them. */
interface AtomNodes {
  nodes: JavaNode[];
  /** A plain group: a quantifier makes it a GroupCurly or a Loop. */
  group?: boolean;
  /** A lookaround or atomic group: one node that a quantifier wraps as it is. */
  zeroWidth?: boolean;
}

/** One character (CharProperty): what a literal, a class, `.` or a class escape becomes. */
const CHARACTER: JavaNode = { t: 'len', min: 1, max: 1, charProperty: true };

class Fail extends Error {
  constructor(readonly syntax: RegexSyntaxError) {
    super(syntax.message);
  }
}

interface Flags {
  caseInsensitive: boolean;
  /** COMMENTS (`(?x)`): whitespace and `#` comments are ignored between tokens, in classes too. */
  comments: boolean;
}

/** One parsed class member or escape: a character set (and the single code point, for ranges). */
interface Member {
  set: CharSet;
  codePoint?: number;
}

class JavaRegexParser {
  private i = 0;
  private depth = 0;
  private flags: Flags = { caseInsensitive: false, comments: false };
  /** Named groups defined so far: `\k<name>` may only refer to one of them. */
  private readonly groupNames = new Set<string>();
  /** How many lookbehinds the parser is in. */
  private lookbehinds = 0;
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

  /** In comments mode, skips whitespace and `#` comments (to the end of the line), as Java's peek does. */
  private skipIgnored(): void {
    if (!this.flags.comments) return;
    for (;;) {
      const ch = this.src[this.i];
      if (ch !== undefined && COMMENT_WHITESPACE.includes(ch)) {
        this.i++;
      } else if (ch === '#') {
        while (this.i < this.src.length && !LINE_TERMINATORS.includes(this.src[this.i])) this.i++;
      } else {
        return;
      }
    }
  }

  /** The node chain of each alternative of the last alternation parsed (see lookbehindStudy.ts). */
  private lastChains: JavaNode[][] = [];

  private alternation(): string {
    const alternatives = [this.sequence()];
    const chains = [this.lastChain];
    while (this.peek() === '|') {
      this.i++;
      alternatives.push(this.sequence());
      chains.push(this.lastChain);
    }
    this.lastChains = chains;
    return alternatives.join('|');
  }

  /** The node chain of the last sequence parsed. */
  private lastChain: JavaNode[] = [];

  /** Applies a quantifier to an atom's nodes, as Pattern.closure and group0 build them. */
  private quantify(atom: AtomNodes | undefined, cmin: number, cmax: number, type: 'greedy' | 'lazy' | 'possessive'): JavaNode[] {
    const question = cmin === 0 && cmax === 1;
    if (!atom) return [{ t: 'curly', cmin, cmax, atom: [] }];
    if (atom.group && !atom.zeroWidth) {
      // `(…)?+` stays a possessive Ques; `(…)?` and `(…)??` become a Branch with an empty alternative.
      if (question) return type === 'possessive' ? [{ t: 'ques', independent: false, atom: atom.nodes }] : [{ t: 'branch', alts: [atom.nodes, []] }];
      if (type === 'possessive' || deterministic(atom.nodes)) return [{ t: 'curly', cmin, cmax, atom: atom.nodes }];
      return [{ t: 'loop' }];
    }
    // Only an atomic group is an INDEPENDENT Ques; `x?+` is a possessive one, studied like `x?`.
    if (question) return [{ t: 'ques', independent: false, atom: atom.nodes }];
    const only = atom.nodes.length === 1 ? atom.nodes[0] : undefined;
    if (cmax === MAX_REPS && type === 'greedy' && only?.t === 'len' && only.charProperty) return [{ t: 'greedy', cmin }];
    return [{ t: 'curly', cmin, cmax, atom: atom.nodes }];
  }

  private sequence(): string {
    let js = '';
    let previous: string | undefined; // the last quantifiable atom, not yet appended
    let previousNodes: AtomNodes | undefined; // its nodes
    const chain: JavaNode[] = [];
    let atStart = true;
    const flush = (): void => {
      if (previous !== undefined) js += previous;
      if (previousNodes) chain.push(...previousNodes.nodes);
      previous = undefined;
      previousNodes = undefined;
    };
    for (;;) {
      this.skipIgnored();
      if (this.i >= this.src.length) break;
      const ch = this.src[this.i];
      if (ch === '|') break;
      if (ch === ')') {
        if (this.depth === 0) this.fail("Unmatched closing ')'");
        break;
      }
      if (ch === '*' || ch === '+' || ch === '?') {
        if (previous === undefined) this.fail(`Dangling meta character '${ch}'`);
        this.i++;
        const suffix = this.quantifierSuffix();
        chain.push(...this.quantify(previousNodes, ch === '+' ? 1 : 0, ch === '?' ? 1 : MAX_REPS, suffix.type));
        js += `(?:${previous})${ch}${suffix.js}`;
        previous = undefined;
        previousNodes = undefined;
        continue;
      }
      if (ch === '{') {
        // Java applies a counted closure to the atom before it; after a quantifier, or with nothing
        // before it, to an empty node (`a{2}{3}` matches `aa`).
        const closure = this.countedClosure();
        chain.push(...this.quantify(previousNodes, closure.cmin, closure.cmax, closure.type));
        js += `(?:${previous ?? ''})${closure.js}`;
        previous = undefined;
        previousNodes = undefined;
        continue;
      }
      flush();
      if (ch === '^' || ch === '$') {
        this.i++;
        const atEnd = this.i >= this.src.length || this.peek() === '|';
        if (this.depth > 0 || (ch === '^' ? !atStart : !atEnd)) this.cannotAnalyse(`anchor \`${ch}\` in the middle of the pattern`);
        previous = '(?:)';
        previousNodes = { nodes: [{ t: 'zero' }] };
        atStart = false;
        continue;
      }
      this.lastAtom = undefined;
      const atom = this.atom(atStart);
      // An inline-flags group (`(?i)`) is no atom: a quantifier after it has nothing to repeat.
      if (this.lastAtom !== undefined) {
        previous = atom;
        previousNodes = this.lastAtom;
      }
      atStart = false;
    }
    flush();
    this.lastChain = chain;
    return js;
  }

  /** The nodes of the atom just parsed (undefined for an inline-flags group). */
  private lastAtom: AtomNodes | undefined;

  private quantifierSuffix(): { js: string; type: 'greedy' | 'lazy' | 'possessive' } {
    this.skipIgnored();
    if (this.peek() === '?') {
      this.i++;
      return { js: '?', type: 'lazy' };
    }
    if (this.peek() === '+') {
      this.i++;
      this.cannotAnalyse('possessive quantifier');
      return { js: '', type: 'possessive' };
    }
    return { js: '', type: 'greedy' };
  }

  private countedClosure(): { js: string; cmin: number; cmax: number; type: 'greedy' | 'lazy' | 'possessive' } {
    const start = this.i;
    this.i++;
    // The first digit must follow `{` at once; later, comments mode skips blanks (Java's closure()).
    if (!isDigit(this.peek())) this.fail('Illegal repetition', start);
    let min = '';
    while (isDigit(this.peek())) min += this.src[this.i++];
    this.skipIgnored();
    let max: string | undefined;
    if (this.peek() === ',') {
      this.i++;
      this.skipIgnored();
      max = '';
      while (isDigit(this.peek())) max += this.src[this.i++];
      this.skipIgnored();
    }
    if (this.peek() !== '}') this.fail('Unclosed counted closure');
    this.i++;
    // Java reads the counts as ints: an overflow is an illegal range.
    if (Number(min) > MAX_REPS || (max !== undefined && max !== '' && Number(max) > MAX_REPS)) this.fail('Illegal repetition range', start);
    const cmin = Number(min);
    const cmax = max === undefined ? cmin : max === '' ? MAX_REPS : Number(max);
    if (cmax < cmin) this.fail('Illegal repetition range', start);
    if (cmin > MAX_REPETITION || (cmax !== MAX_REPS && cmax > MAX_REPETITION)) this.cannotAnalyse(`repetition count above ${MAX_REPETITION}`);
    const suffix = this.quantifierSuffix();
    const clampedMin = Math.min(cmin, MAX_REPETITION);
    const range = max === undefined ? `{${clampedMin}}` : max === '' ? `{${clampedMin},}` : `{${clampedMin},${Math.min(cmax, MAX_REPETITION)}}`;
    return { js: `${range}${suffix.js}`, cmin, cmax, type: suffix.type };
  }

  /** Parses one atom and returns its translation. */
  private atom(atStart: boolean): string {
    const ch = this.src[this.i];
    if (ch === '(') return this.group();
    this.lastAtom = { nodes: [CHARACTER] };
    if (ch === '[') return renderSet(this.characterClass());
    if (ch === '\\') {
      const escaped = this.escape(false, atStart);
      if (escaped.kind === 'js') this.lastAtom = { nodes: [escaped.node ?? { t: 'zero' }] };
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
    let lookaround: 'behind' | 'ahead' | undefined;
    let atomic = false;
    this.skipIgnored();
    if (this.peek() === '?') {
      this.i++;
      const kind = this.peek();
      if (kind === ':') {
        this.i++;
      } else if (kind === '=' || kind === '!') {
        this.i++;
        lookaround = 'ahead';
        this.cannotAnalyse('lookahead');
      } else if (kind === '>') {
        this.i++;
        atomic = true;
        this.cannotAnalyse('atomic group');
      } else if (kind === '<') {
        this.i++;
        if (this.peek() === '=' || this.peek() === '!') {
          this.i++;
          this.cannotAnalyse('lookbehind');
          lookaround = 'behind';
        } else {
          const nameStart = this.i;
          while (this.peek() !== undefined && /[a-zA-Z0-9]/.test(this.peek() as string)) this.i++;
          if (this.i === nameStart || !isLetter(this.src[nameStart])) this.fail('capturing group name does not start with a Latin letter', nameStart);
          if (this.peek() !== '>') this.fail("named capturing group is missing trailing '>'");
          const name = this.src.slice(nameStart, this.i);
          if (this.groupNames.has(name)) this.fail(`Named capturing group <${name}> is already defined`);
          this.groupNames.add(name);
          this.i++;
        }
      } else {
        const flags = this.inlineFlags();
        if (this.peek() === ')') {
          // `(?i)` changes the flags of the rest of the enclosing group: no group of its own.
          this.i++;
          this.flags = flags;
          this.lastAtom = undefined;
          return '(?:)';
        }
        if (this.peek() !== ':') this.fail(this.peek() === undefined ? 'Unknown group type' : 'Unknown inline modifier');
        this.i++;
        this.flags = flags;
      }
    }
    if (this.depth >= MAX_NESTING) this.fail(`Groups nested more than ${MAX_NESTING} deep: Java's Pattern.compile may overflow its stack`, open);
    this.depth++;
    if (lookaround === 'behind') this.lookbehinds++;
    const inner = this.alternation();
    if (lookaround === 'behind') this.lookbehinds--;
    this.depth--;
    this.flags = savedFlags;
    if (this.peek() !== ')') this.fail('Unclosed group', Math.max(open, this.src.length));
    this.i++;
    const content: JavaNode[] = this.lastChains.length === 1 ? this.lastChains[0] : [{ t: 'branch', alts: this.lastChains }];
    if (lookaround === 'behind' && !lookbehindBounded(content)) this.fail('Look-behind group does not have an obvious maximum length');
    // Lookarounds are zero-width nodes; an atomic group is one INDEPENDENT node; others inline their body.
    if (lookaround) this.lastAtom = { nodes: [{ t: 'zero' }], zeroWidth: true };
    else if (atomic) this.lastAtom = { nodes: [{ t: 'ques', independent: true, atom: content }], zeroWidth: true };
    else this.lastAtom = { nodes: content, group: true };
    return `(?:${inner})`;
  }

  /** A backreference: not a regular language (and a length Java cannot bound). */
  private backreference(): void {
    this.cannotAnalyse('backreference');
  }

  private inlineFlags(): Flags {
    const flags = { ...this.flags };
    let on = true;
    let sawFlag = false;
    while (this.peek() !== undefined && (INLINE_FLAGS.has(this.peek() as string) || this.peek() === '-')) {
      const flag = this.src[this.i++];
      sawFlag = true;
      if (flag === '-') {
        if (!on) this.fail('Unknown inline modifier', this.i - 1);
        on = false;
      } else if (flag === 'i') flags.caseInsensitive = on;
      else if (flag === 'x') flags.comments = on;
    }
    if (!sawFlag) this.fail('Unknown inline modifier');
    return flags;
  }

  private characterClass(): CharSet {
    const open = this.i;
    this.i++;
    let negated = false;
    this.skipIgnored();
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const operands: CharSet[] = [new Set()];
    let first = true;
    let previousSingle: number | undefined;
    for (;;) {
      this.skipIgnored();
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
  private escape(inClass: boolean, atStart: boolean): { kind: 'set'; set: CharSet; codePoint?: number } | { kind: 'js'; js: string; node?: JavaNode } {
    const start = this.i;
    this.i++;
    const ch = this.peek();
    if (ch === undefined) this.fail('Unexpected internal error', start);
    this.i++;
    const single = (codePoint: number): { kind: 'set'; set: CharSet; codePoint: number } => {
      const literal = String.fromCodePoint(codePoint);
      return { kind: 'set', set: ALL.has(literal) ? setOf(literal) : new Set(), codePoint };
    };
    if (ch === 'E') this.fail('Illegal/unsupported escape sequence', start);
    if (isDigit(ch)) {
      if (ch === '0') {
        let octal = '';
        while (octal.length < 3 && this.peek() !== undefined && /[0-7]/.test(this.peek() as string)) octal += this.src[this.i++];
        if (octal === '') this.fail('Illegal octal escape sequence', start);
        return single(parseInt(octal, 8));
      }
      if (inClass) this.fail('Illegal/unsupported escape sequence', start);
      while (isDigit(this.peek())) this.i++;
      this.backreference();
      return { kind: 'js', js: '(?:)', node: { t: 'backref' } };
    }
    if (ch === 'x') {
      if (this.peek() === '{') {
        const close = this.src.indexOf('}', this.i);
        const written = close < 0 ? '' : this.src.slice(this.i + 1, close);
        const hex = this.flags.comments ? written.trim() : written;
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
      // Pattern.c(): the next character (a backslash too; in comments mode past blanks) XOR 64, so
      // `\c.` is `n` and `\c0` is `p`: most are control characters, some are topic characters.
      this.skipIgnored();
      const next = this.peek();
      if (next === undefined) this.fail('Illegal control escape sequence', start);
      this.i++;
      return single(next!.charCodeAt(0) ^ 64);
    }
    if (ch === 'p' || ch === 'P') {
      let name: string;
      this.skipIgnored();
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
      const name = this.src.slice(this.i + 1, close);
      this.i = close + 1;
      if (!this.groupNames.has(name)) this.fail(`named capturing group <${name}> does not exist`);
      this.backreference();
      return { kind: 'js', js: '(?:)', node: { t: 'backref' } };
    }
    if (ch === 'N') {
      if (this.peek() !== '{' || this.src.indexOf('}', this.i) < 0) this.fail('Illegal character name escape sequence', start);
      this.i = this.src.indexOf('}', this.i) + 1;
      this.cannotAnalyse('named character');
      return { kind: 'set', set: new Set() };
    }
    if (ch === 'b' && this.peek() === '{' && this.peek(1) === 'g') {
      // `\b{g}` (a grapheme boundary) is the only braced boundary; `\b{2}` is `\b` repeated.
      if (this.peek(2) !== '}') this.fail('Illegal/unsupported escape sequence', start);
      this.i += 3;
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
      // A line break (LineEnding: one or two characters): never part of a topic name.
      if (ch === 'R') return { kind: 'js', js: renderSet(EMPTY), node: { t: 'len', min: 1, max: 2, charProperty: false } };
      this.cannotAnalyse(`\\${ch}`);
      return { kind: 'js', js: '(?:)', node: ch === 'X' ? { t: 'grapheme' } : { t: 'zero' } };
    }
    return single(ch.codePointAt(0) as number);
  }
}

// As many as patternMatchers keeps (declarations.ts): every consumer group of a 50,000-topic pair may have its own pattern,
// and a smaller bound made each keystroke parse them all again.
const PARSED = new BoundedCache<string, JavaRegex>(20_000);

/** Parses a Java regex: its syntax error, or its translation for automata. Never throws. */
export function parseJavaRegex(pattern: string): JavaRegex {
  return PARSED.get(pattern, parseUncached);
}

function parseUncached(pattern: string): JavaRegex {
  const { text, origin } = removeQuoting(pattern);
  const parser = new JavaRegexParser(text);
  try {
    const js = parser.parse();
    return parser.unanalysable ? { unanalysable: parser.unanalysable, shapeSource: js } : { topicSource: js, shapeSource: js };
  } catch (error) {
    if (error instanceof Fail) return { error: { ...error.syntax, index: origin.length ? (origin[error.syntax.index] ?? pattern.length) : error.syntax.index } };
    return { unanalysable: `too complex to analyse (${(error as Error).message})` };
  }
}

/** Returns the first syntax error Java's Pattern.compile would report, or undefined. */
export function checkJavaRegex(pattern: string): RegexSyntaxError | undefined {
  return parseJavaRegex(pattern).error;
}
